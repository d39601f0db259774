package io.mlconnector.sandbox.servicenow.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** Turns an {@code Authorization} header (Basic or Bearer) into the identity the call runs as. */
public final class Authenticator {
  private final UserDirectory directory;
  private final TokenRegistry tokens;

  public Authenticator(UserDirectory directory, TokenRegistry tokens) {
    this.directory = directory;
    this.tokens = tokens;
  }

  /** Empty when the header is missing, malformed, wrong, expired or revoked: all answer 401. */
  public Optional<Identity> authenticate(String authorization) {
    if (authorization == null) {
      return Optional.empty();
    }
    if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return tokens
          .validAccessToken(authorization.substring(7).trim())
          .flatMap(t -> directory.user(t.userName()))
          .map(UserAccount::identity);
    }
    return basicCredentials(authorization)
        .flatMap(c -> directory.verify(c[0], c[1]))
        .map(UserAccount::identity);
  }

  /** {@code [user, password]} from a Basic header. */
  public static Optional<String[]> basicCredentials(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    try {
      String decoded =
          new String(
              Base64.getDecoder().decode(authorization.substring(6).trim()),
              StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0
          ? Optional.empty()
          : Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
    } catch (IllegalArgumentException notBase64) {
      return Optional.empty();
    }
  }
}

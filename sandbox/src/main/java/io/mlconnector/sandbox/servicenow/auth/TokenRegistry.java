package io.mlconnector.sandbox.servicenow.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access and refresh tokens of one instance. Expiry uses the simulator clock so tests can jump past
 * {@code expires_in}; revocation is immediate, as when an admin deletes the token record.
 */
public final class TokenRegistry {
  /** An issued token: who it acts as and until when. */
  public record IssuedToken(
      String accessToken,
      String refreshToken,
      String clientId,
      String userName,
      Instant expiresAt) {}

  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, IssuedToken> byAccessToken = new ConcurrentHashMap<>();
  private final Map<String, IssuedToken> byRefreshToken = new ConcurrentHashMap<>();

  public TokenRegistry(Clock clock) {
    this.clock = clock;
  }

  public IssuedToken issue(String clientId, String userName, Duration lifetime, boolean refresh) {
    IssuedToken token =
        new IssuedToken(
            randomToken(),
            refresh ? randomToken() : null,
            clientId,
            userName,
            clock.instant().plus(lifetime));
    byAccessToken.put(token.accessToken(), token);
    if (token.refreshToken() != null) {
      byRefreshToken.put(token.refreshToken(), token);
    }
    return token;
  }

  /** The token if known, not revoked and not expired. */
  public Optional<IssuedToken> validAccessToken(String accessToken) {
    IssuedToken t = byAccessToken.get(accessToken);
    return t != null && clock.instant().isBefore(t.expiresAt()) ? Optional.of(t) : Optional.empty();
  }

  /** Refresh tokens live on after the access token expires; using one consumes it. */
  public Optional<IssuedToken> redeemRefreshToken(String refreshToken, String clientId) {
    IssuedToken t = byRefreshToken.get(refreshToken);
    if (t == null || !t.clientId().equals(clientId)) {
      return Optional.empty();
    }
    byRefreshToken.remove(refreshToken);
    return Optional.of(t);
  }

  public boolean revoke(String accessToken) {
    IssuedToken t = byAccessToken.remove(accessToken);
    if (t != null && t.refreshToken() != null) {
      byRefreshToken.remove(t.refreshToken());
    }
    return t != null;
  }

  public int revokeAll() {
    int count = byAccessToken.size();
    byAccessToken.clear();
    byRefreshToken.clear();
    return count;
  }

  private String randomToken() {
    byte[] bytes = new byte[48];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}

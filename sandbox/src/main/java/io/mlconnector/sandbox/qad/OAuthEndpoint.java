package io.mlconnector.sandbox.qad;

import io.mlconnector.sandbox.http.SimRequest;
import io.mlconnector.sandbox.http.SimResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST {tenantUrl}/oauth/token}: the password grant for the service account and the
 * refresh-token grant, answering in the OAuth2 shape with RFC 6749 error codes.
 */
final class OAuthEndpoint {
  private OAuthEndpoint() {}

  static SimResponse token(QadTenant tenant, SimRequest request) {
    String redirect = tenant.faults().getTokenRedirect();
    if (redirect != null) {
      return SimResponse.empty(303).withHeader("Location", redirect);
    }
    Map<String, String> form = request.form();
    QadTenantConfig config = tenant.config();
    if (!config.clientId().equals(form.get("client_id"))) {
      return error(401, "invalid_client", "Unknown client_id");
    }
    String grant = form.getOrDefault("grant_type", "");
    switch (grant) {
      case "password" -> {
        if (!config.username().equals(form.get("username"))
            || !config.password().equals(form.get("password"))) {
          return error(400, "invalid_grant", "Bad username or password");
        }
        return issued(tenant.tokens().issue());
      }
      case "refresh_token" -> {
        Optional<TokenStore.IssuedTokens> renewed =
            tenant.tokens().refresh(form.get("refresh_token"));
        return renewed
            .map(OAuthEndpoint::issued)
            .orElseGet(() -> error(400, "invalid_grant", "Refresh token invalid, expired or used"));
      }
      default -> {
        return error(400, "unsupported_grant_type", "grant_type must be password or refresh_token");
      }
    }
  }

  private static SimResponse issued(TokenStore.IssuedTokens tokens) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("access_token", tokens.accessToken());
    body.put("refresh_token", tokens.refreshToken());
    body.put("expires_in", tokens.expiresInSeconds());
    body.put("token_type", "Bearer");
    return QadJson.ok(body).withHeader("Cache-Control", "no-store");
  }

  private static SimResponse error(int status, String code, String description) {
    return QadJson.response(status, Map.of("error", code, "error_description", description));
  }
}

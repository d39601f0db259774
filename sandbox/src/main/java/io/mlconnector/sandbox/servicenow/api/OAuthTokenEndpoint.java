package io.mlconnector.sandbox.servicenow.api;

import io.mlconnector.sandbox.http.SimRequest;
import io.mlconnector.sandbox.http.SimResponse;
import io.mlconnector.sandbox.servicenow.ServiceNowInstance;
import io.mlconnector.sandbox.servicenow.auth.Authenticator;
import io.mlconnector.sandbox.servicenow.auth.OAuthClient;
import io.mlconnector.sandbox.servicenow.auth.TokenRegistry.IssuedToken;
import io.mlconnector.sandbox.servicenow.auth.UserAccount;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /oauth_token.do} (form-encoded). Grants: {@code client_credentials} (only when the
 * instance property enabling it is true; the token acts as the client's OAuth Application User),
 * {@code password} and {@code refresh_token}. Client credentials may come in the form or as Basic.
 * Every refusal looks the same on ServiceNow: 401 {@code access_denied/server_error}.
 */
public final class OAuthTokenEndpoint {
  private final ServiceNowInstance instance;

  public OAuthTokenEndpoint(ServiceNowInstance instance) {
    this.instance = instance;
  }

  public SimResponse handle(SimRequest request) throws InterruptedException {
    instance.counters().record("POST", "oauth_token.do");
    instance.latencyModel().token();
    Map<String, String> form = request.form();
    String clientId = form.get("client_id");
    String secret = form.get("client_secret");
    if (clientId == null) {
      Optional<String[]> basic = Authenticator.basicCredentials(request.header("Authorization"));
      clientId = basic.map(c -> c[0]).orElse(null);
      secret = basic.map(c -> c[1]).orElse(null);
    }
    Optional<OAuthClient> client =
        clientId == null ? Optional.empty() : instance.directory().verifyClient(clientId, secret);
    if (client.isEmpty()) {
      return accessDenied();
    }
    OAuthClient c = client.get();
    return switch (String.valueOf(form.get("grant_type"))) {
      case "client_credentials" -> clientCredentials(c);
      case "password" -> password(c, form.get("username"), form.get("password"));
      case "refresh_token" -> refresh(c, form.get("refresh_token"));
      default -> accessDenied();
    };
  }

  private SimResponse clientCredentials(OAuthClient c) {
    if (!instance.propertyIsTrue(ServiceNowInstance.CLIENT_CREDENTIALS_PROPERTY)
        || c.applicationUser() == null
        || instance.directory().user(c.applicationUser()).isEmpty()) {
      return accessDenied();
    }
    return granted(
        instance.tokens().issue(c.clientId(), c.applicationUser(), c.tokenLifetime(), false), c);
  }

  private SimResponse password(OAuthClient c, String user, String password) {
    Optional<UserAccount> account =
        user == null || password == null
            ? Optional.empty()
            : instance.directory().verify(user, password);
    return account
        .map(
            a ->
                granted(
                    instance.tokens().issue(c.clientId(), a.userName(), c.tokenLifetime(), true),
                    c))
        .orElseGet(OAuthTokenEndpoint::accessDenied);
  }

  private SimResponse refresh(OAuthClient c, String refreshToken) {
    return Optional.ofNullable(refreshToken)
        .flatMap(t -> instance.tokens().redeemRefreshToken(t, c.clientId()))
        .map(
            old ->
                granted(
                    instance.tokens().issue(c.clientId(), old.userName(), c.tokenLifetime(), true),
                    c))
        .orElseGet(OAuthTokenEndpoint::accessDenied);
  }

  private static SimResponse granted(IssuedToken token, OAuthClient client) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("access_token", token.accessToken());
    if (token.refreshToken() != null) {
      body.put("refresh_token", token.refreshToken());
    }
    body.put("scope", "useraccount");
    body.put("token_type", "Bearer");
    Duration lifetime = client.tokenLifetime();
    body.put("expires_in", lifetime.toSeconds());
    return Json.response(200, body);
  }

  static SimResponse accessDenied() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error_description", "access_denied");
    body.put("error", "server_error");
    return Json.response(401, body);
  }
}

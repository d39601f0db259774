package io.mlconnector.snclient.auth;

import io.mlconnector.common.auth.TenantTokens;
import io.mlconnector.snclient.error.ServiceNowAuthException;
import io.mlconnector.snclient.error.ServiceNowUnavailableException;
import io.quarkus.oidc.client.OidcClientException;

/** A failed client-credentials token request, in ServiceNow's error types. */
public record TokenFailures(String tenant) implements TenantTokens.Failures {
  static final String GRANT_HINT =
      "ServiceNow refused the client-credentials token request (access_denied). On the instance:"
          + " create the system property glide.oauth.inbound.client.credential.grant_type.enabled"
          + "=true, and set the OAuth Application User on the OAuth application registry entry"
          + " (calls run as that user, with its roles); also check the client id and secret.";

  @Override
  public RuntimeException refused(OidcClientException e) {
    String message = String.valueOf(e.getMessage());
    if (message.contains("access_denied")) {
      return new ServiceNowAuthException(
          "tenant " + tenant + ": " + GRANT_HINT, 401, "access_denied", e);
    }
    if (message.contains("status: 401") || message.contains("status: 400")) {
      return new ServiceNowAuthException(
          "tenant " + tenant + ": token request refused: " + message, 401, null, e);
    }
    return new ServiceNowUnavailableException(
        "tenant " + tenant + ": token endpoint not available: " + message, 0, e);
  }

  @Override
  public RuntimeException unreachable(RuntimeException e) {
    return new ServiceNowUnavailableException(
        "token request for tenant " + tenant + " failed: " + e.getMessage(), 0, e);
  }
}

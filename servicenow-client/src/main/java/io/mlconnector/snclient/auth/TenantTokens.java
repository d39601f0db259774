package io.mlconnector.snclient.auth;

import io.mlconnector.snclient.error.ServiceNowAuthException;
import io.mlconnector.snclient.error.ServiceNowUnavailableException;
import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.OidcClientException;
import io.quarkus.oidc.client.Tokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * One tenant's access token: fetched with the client-credentials grant through the tenant's own
 * {@link OidcClient}, cached, and renewed ahead of expiry: once {@code refreshAt} of its lifetime
 * has passed, or {@code skew} before expiry if that is earlier, but never in the first half of its
 * life. The skew alone would renew a token shorter than the skew on every call (an admin can set
 * lifespans of seconds), so the renewal time is derived from the token's own {@code expires_in}.
 * Methods are synchronized, so concurrent callers that need a new token wait for one shared token
 * request instead of each sending their own.
 */
public final class TenantTokens {
  static final String GRANT_HINT =
      "ServiceNow refused the client-credentials token request (access_denied). On the instance:"
          + " create the system property glide.oauth.inbound.client.credential.grant_type.enabled"
          + "=true, and set the OAuth Application User on the OAuth application registry entry"
          + " (calls run as that user, with its roles); also check the client id and secret.";

  private final String tenant;
  private final OidcClient oidc;
  private final double refreshAt;
  private final Duration skew;
  private final Duration timeout;
  private final Clock clock;
  private Tokens current;
  private Instant renewAfter = Instant.MIN;

  public TenantTokens(
      String tenant,
      OidcClient oidc,
      double refreshAt,
      Duration skew,
      Duration timeout,
      Clock clock) {
    this.tenant = tenant;
    this.oidc = oidc;
    this.refreshAt = refreshAt;
    this.skew = skew;
    this.timeout = timeout;
    this.clock = clock;
  }

  /** A token that is not due for renewal. */
  public synchronized String accessToken() {
    if (current == null || !clock.instant().isBefore(renewAfter)) {
      fetch();
    }
    return current.getAccessToken();
  }

  /**
   * ServiceNow rejected {@code rejected} (401). Fetches a new token unless another caller already
   * replaced it meanwhile.
   */
  public synchronized String renewAfterRejection(String rejected) {
    if (current == null || current.getAccessToken().equals(rejected)) {
      fetch();
    }
    return current.getAccessToken();
  }

  private void fetch() {
    Instant requested = clock.instant();
    Tokens tokens;
    try {
      tokens = oidc.getTokens().await().atMost(timeout);
    } catch (OidcClientException e) {
      throw translate(e);
    } catch (RuntimeException e) {
      throw new ServiceNowUnavailableException(
          "token request for tenant " + tenant + " failed: " + e.getMessage(), 0, e);
    }
    current = tokens;
    Long expiresAt = tokens.getAccessTokenExpiresAt();
    if (expiresAt == null) {
      renewAfter = Instant.MAX;
    } else {
      renewAfter =
          requested.plusMillis(renewAfterMillis(expiresAt * 1000 - requested.toEpochMilli()));
    }
  }

  /** When to renew a token living {@code lifetimeMillis}: see the class comment. */
  long renewAfterMillis(long lifetimeMillis) {
    long lifetime = Math.max(0, lifetimeMillis);
    long byShare = (long) (lifetime * refreshAt);
    long bySkew = lifetime - skew.toMillis();
    return Math.max(lifetime / 2, Math.min(byShare, bySkew));
  }

  private ServiceNowAuthException translateRefused(OidcClientException e) {
    return new ServiceNowAuthException(
        "tenant " + tenant + ": " + GRANT_HINT, 401, "access_denied", e);
  }

  private RuntimeException translate(OidcClientException e) {
    String message = String.valueOf(e.getMessage());
    if (message.contains("access_denied")) {
      return translateRefused(e);
    }
    if (message.contains("status: 401") || message.contains("status: 400")) {
      return new ServiceNowAuthException(
          "tenant " + tenant + ": token request refused: " + message, 401, null, e);
    }
    return new ServiceNowUnavailableException(
        "tenant " + tenant + ": token endpoint not available: " + message, 0, e);
  }
}

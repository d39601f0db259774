package io.mlconnector.common.auth;

import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.OidcClientException;
import io.quarkus.oidc.client.Tokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * One tenant's access token for one system, fetched through the tenant's own quarkus-oidc-client
 * {@link OidcClient} (each client module builds it with its grant: ServiceNow client credentials,
 * QAD password), cached, and renewed ahead of expiry: once {@code refreshAt} of its lifetime has
 * passed, or {@code skew} before expiry if that is earlier, but never in the first half of its
 * life. The skew alone would renew a token shorter than the skew on every call (an admin can set
 * lifespans of seconds), so the renewal time is derived from the token's own lifetime. Methods are
 * synchronized, so concurrent callers that need a new token wait for one shared token request
 * instead of each sending their own.
 */
public final class TenantTokens {
  /** What a failed token request becomes in the calling module's error types. */
  public interface Failures {
    /** The token endpoint did not issue a token; the exception's message is its answer's body. */
    RuntimeException refused(OidcClientException e);

    /** No answer at all (timeout, connection). */
    RuntimeException unreachable(RuntimeException e);
  }

  private final OidcClient oidc;
  private final double refreshAt;
  private final Duration skew;
  private final Duration timeout;
  private final Clock clock;
  private final Failures failures;
  private Tokens current;
  private Instant renewAfter = Instant.MIN;

  /**
   * @param clock when renewal is due (a test may run it ahead); the token's lifetime itself is
   *     measured on the system clock, which the OIDC client's expiry uses
   */
  public TenantTokens(
      OidcClient oidc,
      double refreshAt,
      Duration skew,
      Duration timeout,
      Clock clock,
      Failures failures) {
    this.oidc = oidc;
    this.refreshAt = refreshAt;
    this.skew = skew;
    this.timeout = timeout;
    this.clock = clock;
    this.failures = failures;
  }

  /** A token that is not due for renewal. */
  public synchronized String accessToken() {
    if (current == null || !clock.instant().isBefore(renewAfter)) {
      fetch();
    }
    return current.getAccessToken();
  }

  /**
   * The system rejected {@code rejected} (401). Fetches a new token unless another caller already
   * replaced it meanwhile.
   */
  public synchronized String renewAfterRejection(String rejected) {
    rejected(rejected);
    return accessToken();
  }

  /** The system rejected {@code rejected} (401): the next {@link #accessToken} fetches anew. */
  public synchronized void rejected(String rejected) {
    if (current != null && current.getAccessToken().equals(rejected)) {
      renewAfter = Instant.MIN;
    }
  }

  private void fetch() {
    Instant requested = clock.instant();
    long sentAtMillis = System.currentTimeMillis();
    Tokens tokens;
    try {
      tokens = oidc.getTokens().await().atMost(timeout);
    } catch (OidcClientException e) {
      throw failures.refused(e);
    } catch (RuntimeException e) {
      throw failures.unreachable(e);
    }
    current = tokens;
    Long expiresAt = tokens.getAccessTokenExpiresAt();
    renewAfter =
        expiresAt == null
            ? Instant.MAX
            : requested.plusMillis(renewAfterMillis(expiresAt * 1000 - sentAtMillis));
  }

  /** When to renew a token living {@code lifetimeMillis}: see the class comment. */
  long renewAfterMillis(long lifetimeMillis) {
    long lifetime = Math.max(0, lifetimeMillis);
    long byShare = (long) (lifetime * refreshAt);
    long bySkew = lifetime - skew.toMillis();
    return Math.max(lifetime / 2, Math.min(byShare, bySkew));
  }
}

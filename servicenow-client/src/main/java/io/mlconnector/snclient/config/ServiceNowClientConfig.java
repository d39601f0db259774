package io.mlconnector.snclient.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the ServiceNow client talks to every tenant's instance ({@code mlc.servicenow.*}). */
@ConfigMapping(prefix = "mlc.servicenow")
public interface ServiceNowClientConfig {

  /** TCP connect timeout. */
  @WithDefault("10s")
  Duration connectTimeout();

  /** Whole-request timeout; below ServiceNow's own 60 s transaction quota. */
  @WithDefault("55s")
  Duration requestTimeout();

  /** Answers larger than this many bytes are refused with a clear error, never read whole. */
  @WithDefault("16777216")
  long maxBodyBytes();

  /** {@code queryAll} gives up with a clear error after this many pages of one query. */
  @WithDefault("1000")
  int maxPagesPerQuery();

  /** Token renewal. */
  Token token();

  /** Retries of transient failures. */
  Retry retry();

  /** Circuit breaker, one per tenant. */
  Breaker breaker();

  /** Sizing of Batch API calls. */
  Batch batch();

  /**
   * Sub-requests per Batch API call: as many as fit {@code time-budget} at the measured time per
   * sub-request of the tenant's instance (ServiceNow cancels what is left of a call after its 30 s
   * transaction quota), at most {@code max-items}; {@code initial-items} before anything was
   * measured.
   */
  interface Batch {
    @WithDefault("20s")
    Duration timeBudget();

    @WithDefault("200")
    int initialItems();

    @WithDefault("1000")
    int maxItems();
  }

  /** Token renewal ahead of expiry. */
  interface Token {
    /** Share of {@code expires_in} after which a cached token is renewed before use. */
    @WithDefault("0.8")
    double refreshAt();

    /** quarkus-oidc-client's refresh-token-time-skew: renew at least this long before expiry. */
    @WithDefault("30s")
    Duration refreshSkew();
  }

  /** Retries inside one client call. */
  interface Retry {
    /** Attempts for 5xx, timeouts and connection failures (idempotent requests only). */
    @WithDefault("4")
    int maxAttempts();

    /** First backoff; doubles per attempt, with jitter. */
    @WithDefault("200ms")
    Duration initialBackoff();

    /** Upper bound of one backoff. */
    @WithDefault("10s")
    Duration maxBackoff();

    /** How many 429 answers one call waits out (each for its full Retry-After) before giving up. */
    @WithDefault("20")
    int maxRateLimitWaits();

    /**
     * The longest {@code Retry-After} waited out on the calling thread; a longer one opens the
     * tenant's breaker for that long instead, so no consumer thread is parked past its poll
     * interval.
     */
    @WithDefault("120s")
    Duration retryAfterCap();

    /** Resends of Batch API items ServiceNow left unserviced. */
    @WithDefault("10")
    int maxBatchResends();
  }

  /** Opens after consecutive transient failures; one trial call after the open period. */
  interface Breaker {
    @WithDefault("5")
    int failureThreshold();

    @WithDefault("30s")
    Duration openFor();
  }
}

package io.mlconnector.qadclient.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** How every QAD client of a service talks to QAD ({@code mlc.qad-client.*}). */
@ConfigMapping(prefix = "mlc.qad-client")
public interface QadClientConfig {
  /** Attempts per idempotent call on 5xx, timeouts and malformed bodies (a POST is sent once). */
  @WithDefault("4")
  int maxAttempts();

  /** First retry delay; doubles per attempt, with full jitter. */
  @WithDefault("500ms")
  Duration backoffBase();

  /** Cap of one retry delay. */
  @WithDefault("10s")
  Duration backoffMax();

  /** Timeout of one HTTP call. */
  @WithDefault("30s")
  Duration requestTimeout();

  /** Share of {@code expires_in} after which the token is renewed ahead of expiry. */
  @WithDefault("0.8")
  double tokenRefreshRatio();

  /**
   * The longest {@code Retry-After} waited out on the calling thread; a longer one opens the
   * tenant's breaker for that long instead.
   */
  @WithDefault("120s")
  Duration retryAfterCap();

  /** Answers larger than this many bytes are refused with a clear error. */
  @WithDefault("16777216")
  long maxBodyBytes();

  /** Path of a browse-mapping file replacing the built-in one. */
  Optional<String> browseMapping();

  /** The per-tenant circuit breaker. */
  Breaker breaker();

  /** Circuit breaker settings. */
  interface Breaker {
    /** Consecutive failed calls that open the breaker. */
    @WithDefault("5")
    int failureThreshold();

    /** How long an open breaker fails fast before one trial call. */
    @WithDefault("30s")
    Duration openFor();
  }
}

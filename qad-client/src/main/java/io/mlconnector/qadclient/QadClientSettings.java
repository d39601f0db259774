package io.mlconnector.qadclient;

import io.mlconnector.common.retry.RetryPolicy;
import java.time.Duration;

/**
 * How a client talks to QAD. One set per deployment ({@code mlc.qad-client.*}, see {@link
 * QadClients}); {@link #defaults()} matches the documented defaults.
 *
 * @param connectTimeout TCP connect timeout
 * @param requestTimeout whole-response timeout of one HTTP call
 * @param maxAttempts attempts per call on 5xx, timeouts and malformed bodies (1 = no retry)
 * @param backoffBase first retry delay; doubles per attempt, with full jitter
 * @param backoffMax cap of one retry delay
 * @param maxThrottledRetries 429 answers tolerated per call before giving up
 * @param tokenRefreshRatio share of {@code expires_in} after which the token is renewed ahead
 * @param breakerFailureThreshold consecutive failed calls that open the tenant's breaker
 * @param breakerOpenFor how long an open breaker fails fast before letting one trial call through
 * @param retryAfterCap the longest {@code Retry-After} waited out in place; a longer one opens the
 *     tenant's breaker for that long instead of holding the calling thread
 * @param maxBodyBytes answers larger than this are refused (a clear error, never read whole)
 */
public record QadClientSettings(
    Duration connectTimeout,
    Duration requestTimeout,
    int maxAttempts,
    Duration backoffBase,
    Duration backoffMax,
    int maxThrottledRetries,
    double tokenRefreshRatio,
    int breakerFailureThreshold,
    Duration breakerOpenFor,
    Duration retryAfterCap,
    long maxBodyBytes) {

  public QadClientSettings {
    if (maxAttempts < 1 || maxThrottledRetries < 0 || breakerFailureThreshold < 1) {
      throw new IllegalArgumentException("invalid QAD client settings: " + maxAttempts);
    }
    if (tokenRefreshRatio <= 0 || tokenRefreshRatio > 1) {
      throw new IllegalArgumentException("token refresh ratio must be in (0, 1]");
    }
    if (maxBodyBytes < 1024 || retryAfterCap.isNegative()) {
      throw new IllegalArgumentException("body limit below 1 KB or negative Retry-After cap");
    }
  }

  /** The retry rules of common's {@code CallGuard} these settings describe. */
  public RetryPolicy retryPolicy() {
    return new RetryPolicy(
        maxAttempts, backoffBase, backoffMax, maxThrottledRetries, retryAfterCap);
  }

  public static QadClientSettings defaults() {
    return new QadClientSettings(
        Duration.ofSeconds(5),
        Duration.ofSeconds(30),
        4,
        Duration.ofMillis(500),
        Duration.ofSeconds(10),
        10,
        0.8,
        5,
        Duration.ofSeconds(30),
        Duration.ofSeconds(120),
        16L * 1024 * 1024);
  }

  public QadClientSettings withBackoff(int attempts, Duration base, Duration max) {
    return new QadClientSettings(
        connectTimeout,
        requestTimeout,
        attempts,
        base,
        max,
        maxThrottledRetries,
        tokenRefreshRatio,
        breakerFailureThreshold,
        breakerOpenFor,
        retryAfterCap,
        maxBodyBytes);
  }

  public QadClientSettings withLimits(Duration retryAfterCap, long maxBodyBytes) {
    return new QadClientSettings(
        connectTimeout,
        requestTimeout,
        maxAttempts,
        backoffBase,
        backoffMax,
        maxThrottledRetries,
        tokenRefreshRatio,
        breakerFailureThreshold,
        breakerOpenFor,
        retryAfterCap,
        maxBodyBytes);
  }

  public QadClientSettings withBreaker(int threshold, Duration openFor) {
    return new QadClientSettings(
        connectTimeout,
        requestTimeout,
        maxAttempts,
        backoffBase,
        backoffMax,
        maxThrottledRetries,
        tokenRefreshRatio,
        threshold,
        openFor,
        retryAfterCap,
        maxBodyBytes);
  }
}

package io.mlconnector.common.retry;

import java.time.Duration;

/**
 * How one client retries the calls of a tenant's system (each client maps its own configuration
 * keys onto it).
 *
 * @param maxAttempts attempts per call on outages (5xx, timeouts, unreadable answers), the first
 *     included; only calls that may be resent (1 = no retry)
 * @param backoffBase first delay after an outage; doubles per attempt, jittered between half and
 *     full
 * @param backoffMax cap of one such delay
 * @param maxThrottledWaits 429s (and fleet-wide pauses) waited out per call before giving up
 * @param retryAfterCap the longest pause waited out on the calling thread; a longer one opens the
 *     tenant's breaker for that long instead
 */
public record RetryPolicy(
    int maxAttempts,
    Duration backoffBase,
    Duration backoffMax,
    int maxThrottledWaits,
    Duration retryAfterCap) {

  public RetryPolicy {
    if (maxAttempts < 1 || maxThrottledWaits < 0) {
      throw new IllegalArgumentException(
          "retry policy needs at least one attempt and no negative wait count");
    }
    if (backoffBase.isNegative() || backoffMax.isNegative() || retryAfterCap.isNegative()) {
      throw new IllegalArgumentException("retry delays cannot be negative");
    }
  }
}

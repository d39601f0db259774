package io.mlconnector.common.breaker;

import java.time.Duration;

/**
 * What one breaker tells the fleet when its state changes. Times are {@link System#nanoTime()}
 * readings of the publishing process plus durations, so the board can turn them into the database's
 * clock when it writes (the pods' clocks need not agree, and tests may run the breaker on a fake
 * clock).
 *
 * @param system {@code qad} or {@code servicenow} (as {@code TenantRateLimits} names them)
 * @param sinceNanos when the breaker entered {@code state}
 * @param lastFailure the latest failure's reason, null when none was seen
 * @param openFor how long the breaker stays open from {@code atNanos} on (zero unless open)
 * @param atNanos when this status was taken
 */
public record BreakerStatus(
    String tenant,
    String system,
    BreakerState state,
    long sinceNanos,
    String lastFailure,
    Duration openFor,
    long atNanos) {

  /** Longest reason stored. */
  public static final int MAX_REASON = 500;

  public BreakerStatus {
    if (lastFailure != null && lastFailure.length() > MAX_REASON) {
      lastFailure = lastFailure.substring(0, MAX_REASON - 1) + "…";
    }
  }

  /** An open breaker whose open time is over lets the next call through as a trial. */
  public BreakerState effectiveState(long nowNanos) {
    return state == BreakerState.OPEN && nowNanos - atNanos >= openFor.toNanos()
        ? BreakerState.HALF_OPEN
        : state;
  }
}

package io.mlconnector.common.retry;

import java.time.Duration;
import java.time.Instant;

/**
 * The system asked for a pause longer than {@link RetryPolicy#retryAfterCap()} (its {@code
 * Retry-After}, or the fleet's pause of the tenant): the tenant's breaker was opened for that long
 * and the calling thread is handed back at once. Each client turns it into its typed "unavailable"
 * error.
 */
public final class ThrottledBeyondCap extends RuntimeException {
  private final transient Duration wait;
  private final String reason;
  private final transient Instant openUntil;

  ThrottledBeyondCap(Duration wait, String reason, Instant openUntil) {
    super(reason + " " + wait.toSeconds() + " s is above the cap", null, false, false);
    this.wait = wait;
    this.reason = reason;
    this.openUntil = openUntil;
  }

  /** The pause asked for. */
  public Duration waitAsked() {
    return wait;
  }

  /** What asked: {@code Retry-After}, or the fleet-wide pause. */
  public String reason() {
    return reason;
  }

  /** Until when the breaker holds calls back (null when no breaker guards the call). */
  public Instant openUntil() {
    return openUntil;
  }

  ThrottledBeyondCap withOpenUntil(Instant until) {
    return new ThrottledBeyondCap(wait, reason, until);
  }
}

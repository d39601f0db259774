package io.mlconnector.common.breaker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * One tenant's breaker for one external system, shared by qad-client and servicenow-client: after
 * {@code threshold} consecutive failed calls the system is left alone for {@code openFor}, then one
 * trial call at a time decides whether to close again (half-open). Keeps a tenant whose system is
 * down from holding threads other tenants need. Each state change (and the first verdict, so a
 * restarted process replaces what its predecessor left) goes to the {@link BreakerBoard}.
 */
public final class CircuitBreaker {
  private final String tenant;
  private final String system;
  private final int threshold;
  private final Duration openFor;
  private final Clock clock;
  private final BreakerBoard board;
  private int consecutiveFailures;
  private Instant openUntil;
  private boolean trialInFlight;
  private String lastFailure;
  private BreakerState published;
  private long sinceNanos = System.nanoTime();

  /**
   * @param system {@code qad} or {@code servicenow}
   * @param clock the clock the open time runs on (tests pass one they advance)
   */
  public CircuitBreaker(
      String tenant,
      String system,
      int threshold,
      Duration openFor,
      Clock clock,
      BreakerBoard board) {
    this.tenant = tenant;
    this.system = system;
    this.threshold = threshold;
    this.openFor = openFor;
    this.clock = clock;
    this.board = board;
  }

  /** Whether a call may go out now; while half-open, only one trial call at a time. */
  public synchronized boolean tryAcquire() {
    if (openUntil == null) {
      return true;
    }
    if (clock.instant().isBefore(openUntil) || trialInFlight) {
      return false;
    }
    trialInFlight = true;
    changed();
    return true;
  }

  /** The system answered: closes the breaker (a half-open trial succeeded). */
  public synchronized void onSuccess() {
    consecutiveFailures = 0;
    openUntil = null;
    trialInFlight = false;
    changed();
  }

  /** A call failed as an outage (after its own retries); {@code reason} is shown to operators. */
  public synchronized void onFailure(String reason) {
    consecutiveFailures++;
    trialInFlight = false;
    lastFailure = reason;
    if (consecutiveFailures >= threshold) {
      openUntil = clock.instant().plus(openFor);
    }
    changed();
  }

  /**
   * Opens now for {@code duration} whatever the failure count: the system asked for a pause (a
   * {@code Retry-After} above the cap) longer than any thread should wait.
   */
  public synchronized void openFor(Duration duration, String reason) {
    consecutiveFailures = Math.max(consecutiveFailures, threshold);
    trialInFlight = false;
    lastFailure = reason;
    Instant until = clock.instant().plus(duration);
    if (openUntil == null || until.isAfter(openUntil)) {
      openUntil = until;
    }
    changed();
  }

  /** Whether calls are held back (open, or half-open with a trial due or running). */
  public synchronized boolean isOpen() {
    return openUntil != null;
  }

  /** When an open breaker lets the next trial call through; null when closed. */
  public synchronized Instant openUntil() {
    return openUntil;
  }

  public synchronized BreakerState state() {
    if (openUntil == null) {
      return BreakerState.CLOSED;
    }
    return trialInFlight ? BreakerState.HALF_OPEN : BreakerState.OPEN;
  }

  /** Closes the breaker (tests, operator reset). */
  public synchronized void reset() {
    consecutiveFailures = 0;
    trialInFlight = false;
    openUntil = null;
    changed();
  }

  /** Publishes the state when it differs from the last one published (an extended open too). */
  private void changed() {
    BreakerState now = state();
    boolean extended = now == BreakerState.OPEN && published == BreakerState.OPEN;
    if (now == published && !extended) {
      return;
    }
    long at = System.nanoTime();
    if (now != published) {
      sinceNanos = at;
    }
    published = now;
    Duration left =
        now == BreakerState.OPEN ? Duration.between(clock.instant(), openUntil) : Duration.ZERO;
    board.publish(
        new BreakerStatus(
            tenant,
            system,
            now,
            sinceNanos,
            lastFailure,
            left.isNegative() ? Duration.ZERO : left,
            at));
  }
}

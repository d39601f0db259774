package io.mlconnector.common.breaker;

import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.Guard;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

/**
 * One tenant's breaker for one external system, shared by qad-client and servicenow-client: a
 * SmallRye Fault Tolerance {@link Guard} with a circuit breaker. After {@code threshold}
 * consecutive outages (what {@code isOutage} says a failure is) the system is left alone for {@code
 * openFor}, then one trial call at a time decides whether to close again (half-open). Keeps a
 * tenant whose system is down from holding threads other tenants need.
 *
 * <p>SmallRye's breaker opens for a fixed delay only; a system that asks for a pause longer than a
 * thread should wait ({@code Retry-After} above the cap) is held back by {@link #openFor} on top of
 * it, on the given clock. Each state change (and the first verdict, so a restarted process replaces
 * what its predecessor left) goes to the {@link BreakerBoard}.
 */
public final class CircuitBreaker {
  private static final Logger LOG = Logger.getLogger(CircuitBreaker.class);

  /** Thrown by {@link #call} while the breaker holds calls back. */
  public static final class Open extends RuntimeException {
    private final transient Instant until;

    Open(Instant until) {
      super("circuit open until " + until, null, false, false);
      this.until = until;
    }

    /** When the next trial call may go out (an estimate while SmallRye's delay runs). */
    public Instant until() {
      return until;
    }
  }

  private final String tenant;
  private final String system;
  private final Duration openFor;
  private final Clock clock;
  private final BreakerBoard board;
  private final Guard guard;
  private volatile CircuitBreakerState guardState = CircuitBreakerState.CLOSED;
  private volatile Instant guardOpenUntil;
  private volatile Instant pausedUntil;
  private volatile String lastFailure;
  private BreakerState published;
  private long sinceNanos = System.nanoTime();

  /**
   * @param system {@code qad} or {@code servicenow}
   * @param clock the clock {@link #openFor} pauses run on (tests pass one they advance)
   * @param isOutage which exceptions of a call count against the system; any other exception is an
   *     answer (the system is up) and closes a half-open breaker
   */
  public CircuitBreaker(
      String tenant,
      String system,
      int threshold,
      Duration openFor,
      Clock clock,
      Predicate<Throwable> isOutage,
      BreakerBoard board) {
    this.tenant = tenant;
    this.system = system;
    this.openFor = openFor;
    this.clock = clock;
    this.board = board;
    this.guard =
        Guard.create()
            .withDescription("mlc " + system + " breaker of tenant " + tenant)
            .withCircuitBreaker()
            // consecutive outages: a rolling window of `threshold` calls that all failed
            .requestVolumeThreshold(threshold)
            .failureRatio(1.0)
            .successThreshold(1)
            .delay(Math.max(1, openFor.toMillis()), ChronoUnit.MILLIS)
            .when(
                t -> {
                  boolean outage = isOutage.test(t);
                  if (outage) {
                    lastFailure = String.valueOf(t.getMessage());
                  }
                  return outage;
                })
            .onStateChange(this::guardChanged)
            // the first verdict of a new breaker is published too (see changed)
            .onSuccess(() -> changed(false))
            .onFailure(() -> changed(false))
            .done()
            .build();
  }

  /**
   * Runs one call through the breaker (synchronously, on the calling thread).
   *
   * @throws Open while the breaker holds calls back
   */
  public <T> T call(Supplier<T> work, Class<T> type) {
    Instant paused = pausedUntil;
    if (paused != null) {
      if (clock.instant().isBefore(paused)) {
        throw new Open(paused);
      }
      pausedUntil = null;
    }
    try {
      return guard.get(work, type);
    } catch (CircuitBreakerOpenException e) {
      throw new Open(guardOpenUntil == null ? clock.instant() : guardOpenUntil);
    }
  }

  /**
   * Holds calls back for {@code duration} whatever the failure count: the system asked for a pause
   * (a {@code Retry-After} above the cap) longer than any thread should wait.
   */
  public void openFor(Duration duration, String reason) {
    lastFailure = reason;
    Instant until = clock.instant().plus(duration);
    synchronized (this) {
      if (pausedUntil == null || until.isAfter(pausedUntil)) {
        pausedUntil = until;
      }
    }
    changed(true);
  }

  /** Whether calls are held back (open, or half-open with a trial due or running). */
  public boolean isOpen() {
    return state() != BreakerState.CLOSED;
  }

  /** When an open breaker lets the next trial call through; null when closed. */
  public Instant openUntil() {
    Instant paused = pausedUntil;
    return paused != null
        ? paused
        : guardState == CircuitBreakerState.CLOSED ? null : guardOpenUntil;
  }

  public BreakerState state() {
    if (pausedUntil != null) {
      return BreakerState.OPEN;
    }
    return switch (guardState) {
      case CLOSED -> BreakerState.CLOSED;
      case HALF_OPEN -> BreakerState.HALF_OPEN;
      case OPEN -> BreakerState.OPEN;
    };
  }

  private void guardChanged(CircuitBreakerState state) {
    if (state == CircuitBreakerState.OPEN) {
      guardOpenUntil = clock.instant().plus(openFor);
    }
    guardState = state;
    changed(false);
  }

  /**
   * One line per transition (never per call): a tenant whose calls are held back must show in the
   * log. A new breaker's first CLOSED verdict is not a transition.
   */
  private void logTransition(BreakerState from, BreakerState to, Instant until) {
    if (from == null && to == BreakerState.CLOSED) {
      return;
    }
    if (to == BreakerState.OPEN) {
      LOG.infof(
          "%s breaker of tenant %s opened (was %s): calls held back until %s; last failure: %s",
          system, tenant, from == null ? "new" : from, until, lastFailure);
    } else {
      LOG.infof(
          "%s breaker of tenant %s is %s (was %s)",
          system, tenant, to, from == null ? "new" : from);
    }
  }

  /**
   * Publishes the state when it differs from the last one published, or when {@code reopened} (a
   * pause that may have moved the open-until time).
   */
  private synchronized void changed(boolean reopened) {
    BreakerState now = state();
    if (now == published && !reopened) {
      return;
    }
    long at = System.nanoTime();
    Instant until = openUntil();
    if (now != published) {
      sinceNanos = at;
      logTransition(published, now, until);
    }
    published = now;
    Duration left =
        now == BreakerState.OPEN && until != null
            ? Duration.between(clock.instant(), until)
            : Duration.ZERO;
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

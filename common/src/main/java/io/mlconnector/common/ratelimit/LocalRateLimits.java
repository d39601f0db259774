package io.mlconnector.common.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rate limits known to this process: its own 429s and its own budget. {@link SharedRateLimits}
 * keeps one of these as its memory of what the database said, so a throttled tenant costs no
 * database read until its pause is over.
 */
public final class LocalRateLimits implements TenantRateLimits {
  private final RequestBudgets budgets;
  private final Clock clock;
  private final Map<String, State> states = new ConcurrentHashMap<>();

  private static final class State {
    Instant throttledUntil = Instant.MIN;
    double tokens = Double.NaN;
    Instant refilledAt = Instant.MIN;
  }

  /**
   * @param clock the clock the caller waits by (the clients' retries wait in real time; a test that
   *     moves a settable clock instead passes that one)
   */
  public LocalRateLimits(RequestBudgets budgets, Clock clock) {
    this.budgets = budgets;
    this.clock = clock;
  }

  @Override
  public Duration beforeCall(String tenant, String system) {
    State s = state(tenant, system);
    synchronized (s) {
      Instant now = clock.instant();
      if (now.isBefore(s.throttledUntil)) {
        return Duration.between(now, s.throttledUntil);
      }
      var budget = budgets.of(tenant, system);
      if (budget.isEmpty()) {
        return Duration.ZERO;
      }
      double rate = budget.get().perSecond();
      double burst = budget.get().burst();
      double refilled =
          Double.isNaN(s.tokens)
              ? burst
              : Math.min(
                  burst, s.tokens + rate * Duration.between(s.refilledAt, now).toNanos() / 1e9);
      s.tokens = refilled - 1;
      s.refilledAt = now;
      return s.tokens >= 0 ? Duration.ZERO : Duration.ofNanos((long) (-s.tokens / rate * 1e9));
    }
  }

  @Override
  public void throttled(String tenant, String system, Duration wait) {
    State s = state(tenant, system);
    synchronized (s) {
      Instant until = clock.instant().plus(wait);
      if (until.isAfter(s.throttledUntil)) {
        s.throttledUntil = until;
      }
    }
  }

  /** How long this process still knows the tenant to be throttled (zero: not known to be). */
  Duration throttledFor(String tenant, String system) {
    State s = state(tenant, system);
    synchronized (s) {
      Instant now = clock.instant();
      return now.isBefore(s.throttledUntil)
          ? Duration.between(now, s.throttledUntil)
          : Duration.ZERO;
    }
  }

  private State state(String tenant, String system) {
    return states.computeIfAbsent(tenant + "|" + system, k -> new State());
  }
}

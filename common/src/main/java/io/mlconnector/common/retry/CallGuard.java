package io.mlconnector.common.retry;

import io.mlconnector.common.breaker.CircuitBreaker;
import io.mlconnector.common.ratelimit.TenantRateLimits;
import io.smallrye.faulttolerance.api.Guard;
import java.time.Duration;
import java.util.function.Function;

/**
 * How qad-client and servicenow-client call a tenant's system: the tenant's {@link CircuitBreaker}
 * around a SmallRye Fault Tolerance {@link Guard} whose retry (with {@link RetryAfterBackoff}, a
 * custom backoff) repeats an attempt while the attempt throws {@link TryAgain}. Any other exception
 * of an attempt, or the typed error the backoff throws when no attempt is left, ends the call.
 *
 * <ul>
 *   <li>Before each attempt the fleet is asked for a turn ({@link TenantRateLimits#beforeCall}):
 *       another service's {@code Retry-After} or the tenant's request budget may ask for a pause,
 *       which the retry waits out (above the cap: {@link ThrottledBeyondCap}).
 *   <li>What may be resent is the call's {@link Resend}: an outage of a call that must not be
 *       resent is never retried.
 *   <li>The breaker judges the call once, after its retries, so a threshold counts calls, not
 *       attempts. A pause above the cap opens it ({@link CircuitBreaker#openFor}) for that long.
 * </ul>
 *
 * <p>Waits are SmallRye's, in real time, on the calling thread (at most the cap each).
 */
public final class CallGuard {
  private static final String FLEET_PAUSE =
      "fleet-wide pause (another service's Retry-After, or the request budget)";

  private final String tenant;
  private final String system;
  private final RetryPolicy policy;
  private final TenantRateLimits limits;
  private final CircuitBreaker breaker;
  private final RetryAfterBackoff backoff;
  private final Guard retry;

  /**
   * @param system {@code qad} or {@code servicenow} ({@link TenantRateLimits}'s names)
   */
  public CallGuard(
      String tenant,
      String system,
      RetryPolicy policy,
      TenantRateLimits limits,
      CircuitBreaker breaker) {
    this.tenant = tenant;
    this.system = system;
    this.policy = policy;
    this.limits = limits;
    this.breaker = breaker;
    this.backoff = new RetryAfterBackoff(tenant, system, policy, limits);
    this.retry =
        Guard.create()
            .withDescription("mlc " + system + " retries of tenant " + tenant)
            .withRetry()
            // the backoff ends the call when a budget is spent; SmallRye counts nothing itself
            .maxRetries(-1)
            .maxDuration(0, java.time.temporal.ChronoUnit.MILLIS)
            .whenException(AttemptEnded.class::isInstance)
            .withCustomBackoff()
            .strategy(() -> this.backoff)
            .done()
            .done()
            .build();
  }

  /**
   * One call: breaker, fleet turn, attempts and their waits.
   *
   * @throws CircuitBreaker.Open while the tenant's breaker holds calls back
   * @throws ThrottledBeyondCap when a pause above the cap opened the breaker
   */
  public <T> T call(Resend resend, Function<Attempt, T> attempt, Class<T> type) {
    try {
      return breaker.call(() -> callInside(resend, attempt, type), type);
    } catch (ThrottledBeyondCap e) {
      throw openedFor(e);
    }
  }

  /**
   * A call made of rounds, each of which sends requests that are calls of this guard themselves
   * (Batch API: each round posts the sub-requests still pending, and the sub-requests a round's
   * answer refused go again in the next). Each round is an attempt of this guard's retry: a round
   * ends with {@link TryAgain} when parts came back refused, so the wait before the next round is
   * the retry's, with the same budgets as a whole call's, and a pause above the cap opens the
   * breaker. A round asks the fleet for no turn and gets no breaker verdict of its own: the
   * requests it sends take both. Which parts may go again is the round's to decide (only those that
   * may be resent).
   *
   * @throws ThrottledBeyondCap (with the breaker's reopening time) when a pause is above the cap
   */
  public <T> T callInRounds(Function<Attempt, T> round, Class<T> type) {
    try {
      return retried(new Attempt(Resend.ALLOWED, false), round, type);
    } catch (ThrottledBeyondCap e) {
      throw openedFor(e);
    }
  }

  /**
   * A call made while another call of this tenant's system is under way (its token request): its
   * own retries and fleet turn, but no breaker verdict of its own (the outer call's counts).
   */
  public <T> T callInside(Resend resend, Function<Attempt, T> attempt, Class<T> type) {
    return retried(new Attempt(resend, true), attempt, type);
  }

  private <T> T retried(Attempt progress, Function<Attempt, T> attempt, Class<T> type) {
    try {
      return retry.call(() -> once(progress, attempt), type);
    } catch (AttemptEnded e) {
      // not reached: the retry is unbounded and the backoff throws the typed error itself
      throw e.signal != null
          ? e.signal.giveUp(progress.number())
          : new IllegalStateException("retries of " + system + " ended while paused");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(
          "interrupted while waiting to call " + system + " of tenant " + tenant, e);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private ThrottledBeyondCap openedFor(ThrottledBeyondCap e) {
    breaker.openFor(
        e.waitAsked(), "throttled: " + e.reason() + " " + e.waitAsked().toSeconds() + " s");
    return e.withOpenUntil(breaker.openUntil());
  }

  private <T> T once(Attempt progress, Function<Attempt, T> attempt) {
    if (progress.asksFleet() && !progress.takeGrantedTurn()) {
      Duration turn = limits.beforeCall(tenant, system);
      if (turn.compareTo(policy.retryAfterCap()) > 0) {
        throw new ThrottledBeyondCap(turn, FLEET_PAUSE, null);
      }
      if (!turn.isZero()) {
        progress.grantTurn();
        throw AttemptEnded.paused(progress, turn);
      }
    }
    progress.sending();
    try {
      return attempt.apply(progress);
    } catch (TryAgain signal) {
      throw AttemptEnded.tryAgain(progress, signal);
    }
  }
}

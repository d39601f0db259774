package io.mlconnector.common.retry;

import io.mlconnector.common.http.RetryAfter;
import io.mlconnector.common.ratelimit.TenantRateLimits;
import io.smallrye.faulttolerance.api.CustomBackoffStrategy;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongUnaryOperator;
import org.jboss.logging.Logger;

/**
 * The custom backoff of {@link CallGuard}'s SmallRye retry: how long to wait before the next
 * attempt, or that there is none (it then throws the call's typed error, which SmallRye hands to
 * the caller).
 *
 * <ul>
 *   <li>429 with {@code Retry-After} (seconds or HTTP date): never less than asked, plus up to 250
 *       ms of jitter so callers sharing a limit do not return in lockstep; the pause is told to the
 *       fleet ({@link TenantRateLimits#throttled}); above the cap, {@link ThrottledBeyondCap} (the
 *       breaker waits it out, not the thread). Without the header: the exponential schedule.
 *   <li>outages: exponential, {@code base * 2^(n-1)} capped at {@code max}, jittered between half
 *       and full; only calls that may be resent, at most {@code maxAttempts} attempts.
 *   <li>a pause the fleet asked for before sending: exactly that long.
 *   <li>401 with a renewed token: at once, once.
 * </ul>
 */
final class RetryAfterBackoff implements CustomBackoffStrategy {
  private static final Logger LOG = Logger.getLogger(RetryAfterBackoff.class);
  private static final long RETRY_AFTER_JITTER_MILLIS = 250;

  private final String tenant;
  private final String system;
  private final RetryPolicy policy;
  private final TenantRateLimits limits;
  private final Clock clock;
  private final LongUnaryOperator random;

  /**
   * @param clock reads HTTP-date {@code Retry-After}s (the waits themselves are SmallRye's, in real
   *     time)
   * @param random a number in {@code [0, bound]} for a bound (tests pass a fixed one)
   */
  RetryAfterBackoff(
      String tenant,
      String system,
      RetryPolicy policy,
      TenantRateLimits limits,
      Clock clock,
      LongUnaryOperator random) {
    this.tenant = tenant;
    this.system = system;
    this.policy = policy;
    this.limits = limits;
    this.clock = clock;
    this.random = random;
  }

  RetryAfterBackoff(String tenant, String system, RetryPolicy policy, TenantRateLimits limits) {
    this(
        tenant,
        system,
        policy,
        limits,
        Clock.systemUTC(),
        bound -> ThreadLocalRandom.current().nextLong(bound + 1));
  }

  @Override
  public long nextDelayInMillis(Throwable cause) {
    Duration wait = next((AttemptEnded) cause);
    // whole milliseconds, rounded up: never shorter than asked
    return wait.plusNanos(999_999).toMillis();
  }

  /** The wait before the next attempt; throws the call's error when there is none. */
  Duration next(AttemptEnded ended) {
    if (ended.pause != null) {
      LOG.debugf("%s of tenant %s paused fleet-wide; waiting %s", system, tenant, ended.pause);
      return ended.pause;
    }
    Attempt attempt = ended.attempt;
    TryAgain signal = ended.signal;
    return switch (signal.kind()) {
      case FAILED -> {
        if (attempt.resend() == Resend.NEVER) {
          throw signal.giveUp(attempt.number()); // never re-sent, whatever the transport asks
        }
        yield afterOutage(attempt, signal);
      }
      case NOT_SENT -> afterOutage(attempt, signal);
      case THROTTLED -> afterThrottle(attempt, signal);
      case TOKEN_REJECTED -> {
        if (!attempt.renewToken()) {
          throw signal.giveUp(attempt.number());
        }
        yield Duration.ZERO;
      }
    };
  }

  private Duration afterOutage(Attempt attempt, TryAgain signal) {
    int failures = attempt.failed();
    if (failures >= policy.maxAttempts()) {
      throw signal.giveUp(failures);
    }
    return exponential(failures);
  }

  private Duration afterThrottle(Attempt attempt, TryAgain signal) {
    int waits = attempt.throttled();
    if (waits > policy.maxThrottledWaits()) {
      throw signal.giveUp(waits - 1);
    }
    return afterRetryAfter(signal.retryAfter(), waits);
  }

  /**
   * The wait after the {@code waits}-th 429 of a call, given its {@code Retry-After} header: never
   * less than asked (told to the fleet), the exponential schedule without one.
   *
   * @throws ThrottledBeyondCap when the pause asked for is above the cap
   */
  Duration afterRetryAfter(Optional<String> header, int waits) {
    var asked = header.flatMap(v -> RetryAfter.parse(v, clock));
    if (asked.isEmpty()) {
      return exponential(waits);
    }
    Duration wait = asked.get();
    limits.throttled(tenant, system, wait);
    if (wait.compareTo(policy.retryAfterCap()) > 0) {
      throw new ThrottledBeyondCap(wait, "Retry-After", null);
    }
    LOG.debugf("%s of tenant %s throttled; waiting %s as Retry-After asks", system, tenant, wait);
    return wait.plusMillis(random.applyAsLong(RETRY_AFTER_JITTER_MILLIS));
  }

  /** The n-th delay (1-based) of the exponential schedule. */
  Duration exponential(int n) {
    return new GrowingDelay(policy.backoffBase(), policy.backoffMax()).nth(n, random);
  }
}

package io.mlconnector.common.retry;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongUnaryOperator;

/**
 * The fleet's one growing-delay schedule, for calls (the {@link CallGuard}'s backoff) and for
 * consumers holding back a partition or a deferred queue alike: the n-th delay's ceiling is {@code
 * base * 2^(n-1)}, capped at {@code max}; the delay is drawn between half and all of it, so callers
 * that failed together do not return together.
 */
public record GrowingDelay(Duration base, Duration max) {
  public GrowingDelay {
    if (base.isNegative() || max.isNegative()) {
      throw new IllegalArgumentException("delays must not be negative: " + base + ", " + max);
    }
  }

  /** The n-th delay (1-based). */
  public Duration nth(int n) {
    return nth(n, bound -> ThreadLocalRandom.current().nextLong(bound + 1));
  }

  /**
   * @param random a number in {@code [0, bound]} for a bound (tests pass a fixed one)
   */
  Duration nth(int n, LongUnaryOperator random) {
    long ceiling = Math.min(max.toMillis(), base.toMillis() << Math.min(Math.max(n, 1) - 1, 20));
    long half = ceiling / 2;
    return Duration.ofMillis(half + random.applyAsLong(ceiling - half));
  }
}

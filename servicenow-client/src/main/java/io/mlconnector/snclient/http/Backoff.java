package io.mlconnector.snclient.http;

import io.mlconnector.common.http.RetryAfter;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Waiting between attempts: exponential with jitter, and 429's Retry-After honoured in full. */
public final class Backoff {
  private final Duration initial;
  private final Duration max;

  public Backoff(Duration initial, Duration max) {
    this.initial = initial;
    this.max = max;
  }

  /** Exponential backoff for the n-th retry (1-based), jittered between half and full. */
  public Duration afterFailure(int retry) {
    long ceiling = Math.min(max.toMillis(), initial.toMillis() << Math.min(retry - 1, 20));
    long half = ceiling / 2;
    return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
  }

  /**
   * How long to wait after a 429: never less than {@code Retry-After} (seconds or HTTP date), plus
   * a little jitter so callers sharing a rate limit do not return in lockstep. Without the header,
   * the exponential backoff applies.
   */
  public Duration afterRateLimit(HttpHeaders headers, int retry) {
    return retryAfter(headers)
        .map(d -> d.plusMillis(ThreadLocalRandom.current().nextLong(250)))
        .orElseGet(() -> afterFailure(retry));
  }

  /** What {@code Retry-After} asks for, in either of its forms; empty without a readable one. */
  public static java.util.Optional<Duration> retryAfter(HttpHeaders headers) {
    return headers.firstValue("Retry-After").flatMap(RetryAfter::parse);
  }

  static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while backing off", e);
    }
  }
}

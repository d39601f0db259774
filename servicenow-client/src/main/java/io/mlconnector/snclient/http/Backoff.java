package io.mlconnector.snclient.http;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
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
    Duration retryAfter =
        headers.firstValue("Retry-After").map(Backoff::parseRetryAfter).orElse(null);
    if (retryAfter == null) {
      return afterFailure(retry);
    }
    return retryAfter.plusMillis(ThreadLocalRandom.current().nextLong(250));
  }

  static Duration parseRetryAfter(String value) {
    String v = value.trim();
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
        return d.isNegative() ? Duration.ZERO : d;
      } catch (DateTimeParseException unreadable) {
        return null;
      }
    }
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

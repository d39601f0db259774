package io.mlconnector.sandbox.http;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts retries that arrive before the {@code Retry-After} of the 429 they retry has passed. A
 * retry is the same call (method and URI) on the same client connection; a connection belongs to
 * one client process, so every count is a client that did not wait. Other calls of the same client
 * are not counted (the rule is "wait Retry-After, then retry"), nor is a retry on a new connection:
 * the count is a lower bound, never a false alarm.
 */
final class RetryAfterWatch {
  /** Clock granularity and network slack: a retry this early is still taken as waiting. */
  private static final long SLACK_MILLIS = 250;

  private final Map<String, Long> notBefore = new ConcurrentHashMap<>();
  private final AtomicLong violations = new AtomicLong();
  private final List<String> named = new CopyOnWriteArrayList<>();

  void arrived(String key, String call) {
    Long until = notBefore.get(key);
    long now = System.currentTimeMillis();
    if (until != null && now < until) {
      violations.incrementAndGet();
      if (named.size() < 50) {
        named.add(call + " " + (until + SLACK_MILLIS - now) + " ms early");
      }
    }
  }

  /** The first violating calls (method, path, how early). */
  List<String> named() {
    return List.copyOf(named);
  }

  void answered(String key, SimResponse response) {
    String retryAfter = response.headers().get("Retry-After");
    if (response.status() != 429 || retryAfter == null) {
      return;
    }
    try {
      long seconds = Long.parseLong(retryAfter.trim());
      notBefore.put(key, System.currentTimeMillis() + seconds * 1000 - SLACK_MILLIS);
    } catch (NumberFormatException httpDate) {
      // An HTTP-date Retry-After is not produced by the simulators.
    }
  }

  long violations() {
    return violations.get();
  }
}

package io.mlconnector.snpoller.push;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The signatures accepted within the timestamp window. A notification replayed within the window is
 * recognised and does nothing; after the window its timestamp is refused anyway. Bounded: past
 * {@link #CAPACITY} entries a replay is no longer recognised, which is harmless (it only asks for a
 * poll, and the rate limit still holds).
 */
final class ReplayMemory {
  static final int CAPACITY = 50_000;

  private final long windowNanos;
  private final Map<String, Long> seenUntil = new ConcurrentHashMap<>();

  ReplayMemory(Duration window) {
    // Twice the window: a timestamp may be up to one window in the future, too.
    this.windowNanos = window.multipliedBy(2).toNanos();
  }

  /** Whether this tenant's signature is seen for the first time within the window. */
  boolean firstTime(String tenant, String signature) {
    long now = System.nanoTime();
    if (seenUntil.size() >= CAPACITY) {
      seenUntil.values().removeIf(until -> until - now < 0);
    }
    String key = tenant + "|" + signature;
    if (seenUntil.size() >= CAPACITY && !seenUntil.containsKey(key)) {
      return true;
    }
    boolean[] first = {false};
    seenUntil.compute(
        key,
        (k, until) -> {
          if (until != null && until - now > 0) {
            return until;
          }
          first[0] = true;
          return now + windowNanos;
        });
    return first[0];
  }
}

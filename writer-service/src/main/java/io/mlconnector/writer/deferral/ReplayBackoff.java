package io.mlconnector.writer.deferral;

import io.mlconnector.common.retry.GrowingDelay;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Per (lane, tenant): when the next replay is due (a pause that doubles while the target stays
 * unavailable, so a down instance is asked rarely) and how often the oldest record failed in a row.
 * In memory: after a restart every queue is tried at once, which costs one call per tenant.
 */
final class ReplayBackoff {
  private record State(int pauses, long dueAt, long headId, int headFailures) {}

  private final GrowingDelay delay;
  private final Map<String, State> states = new HashMap<>();

  ReplayBackoff(Duration initial, Duration max) {
    this.delay = new GrowingDelay(initial, max);
  }

  synchronized boolean due(String lane, String tenant) {
    State s = states.get(lane + "|" + tenant);
    return s == null || System.nanoTime() >= s.dueAt();
  }

  /** The target is still unavailable: pause longer. */
  synchronized void paused(String lane, String tenant) {
    String key = lane + "|" + tenant;
    State s = states.get(key);
    int pauses = s == null ? 1 : s.pauses() + 1;
    states.put(
        key,
        new State(
            pauses,
            dueAfter(pauses),
            s == null ? -1 : s.headId(),
            s == null ? 0 : s.headFailures()));
  }

  /** The record {@code headId} failed again (not an outage); returns its failures in a row. */
  synchronized int failedAt(String lane, String tenant, long headId) {
    String key = lane + "|" + tenant;
    State s = states.get(key);
    int pauses = s == null ? 1 : s.pauses() + 1;
    int failures = s != null && s.headId() == headId ? s.headFailures() + 1 : 1;
    states.put(key, new State(pauses, dueAfter(pauses), headId, failures));
    return failures;
  }

  /**
   * Records went through although others failed: the target answers, so the next pause starts short
   * again; the count of the oldest record's failures in a row is kept.
   */
  synchronized void progressed(String lane, String tenant) {
    String key = lane + "|" + tenant;
    State s = states.get(key);
    if (s != null) {
      states.put(key, new State(0, System.nanoTime(), s.headId(), s.headFailures()));
    }
  }

  synchronized void succeeded(String lane, String tenant) {
    states.remove(lane + "|" + tenant);
  }

  private long dueAfter(int pauses) {
    return System.nanoTime() + delay.nth(pauses).toNanos();
  }
}

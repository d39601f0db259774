package io.mlconnector.writer.deferral;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Says so in the log when a tenant's deferred queue has not moved for a while: every replay found
 * its oldest records still failing. A queue that never drains holds every later record of its keys
 * (they queue behind), so without this line such a tenant's records would go missing silently.
 */
final class StalledQueues {
  private static final Logger LOG = Logger.getLogger(StalledQueues.class);

  private final long warnAfterNanos;
  private final Map<String, Long> stalledSince = new HashMap<>();
  private final Map<String, Long> warnedAt = new HashMap<>();

  StalledQueues(Duration warnAfter) {
    this.warnAfterNanos = warnAfter.toNanos();
  }

  /** Records of the queue were replayed, or it is empty. */
  synchronized void moved(String lane, String tenant) {
    stalledSince.remove(lane + "|" + tenant);
    warnedAt.remove(lane + "|" + tenant);
  }

  /** A replay handled none of the queue's oldest records. */
  synchronized void stuck(String lane, String tenant, int oldestKept, String firstKept) {
    String key = lane + "|" + tenant;
    long now = System.nanoTime();
    long since = stalledSince.computeIfAbsent(key, k -> now);
    Long warned = warnedAt.get(key);
    if (now - since >= warnAfterNanos && (warned == null || now - warned >= warnAfterNanos)) {
      warnedAt.put(key, now);
      LOG.warnf(
          "tenant %s: no deferred %s record replayed for %d s; the oldest %d still fail (first:"
              + " %s); see their audit rows (stage FAILED) for why",
          tenant, lane, Duration.ofNanos(now - since).toSeconds(), oldestKept, firstKept);
    }
  }
}

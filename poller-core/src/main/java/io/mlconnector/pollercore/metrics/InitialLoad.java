package io.mlconnector.pollercore.metrics;

import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/** Progress of one initial load: logged when it starts, every 10s, and when it ends. */
public final class InitialLoad {
  private static final Logger LOG = Logger.getLogger(InitialLoad.class);
  private static final long LOG_EVERY_NANOS = 10_000_000_000L;

  private final String tenant;
  private final String target;
  private final String source;
  private final long startedNanos = System.nanoTime();
  private final AtomicLong done = new AtomicLong();
  private volatile long total;
  private volatile long loggedNanos = startedNanos;

  InitialLoad(String tenant, String target, String source) {
    this.tenant = tenant;
    this.target = target;
    this.source = source;
  }

  /** The source's count of records to load (its first answer's total). */
  public void total(long count) {
    total = count;
    if (count > 0) {
      LOG.infof("initial load of %s/%s started: %d records in %s", tenant, target, count, source);
    }
  }

  public void advance(int rows) {
    long d = done.addAndGet(rows);
    long now = System.nanoTime();
    if (now - loggedNanos > LOG_EVERY_NANOS) {
      loggedNanos = now;
      LOG.infof(
          "initial load of %s/%s: %d / %d records (%.0f/s)", tenant, target, d, total, rate(d));
    }
  }

  public void finish() {
    if (done.get() == 0) {
      return; // An empty source stays "initial" until its first record; no need to say so each run.
    }
    LOG.infof(
        "initial load of %s/%s done: %d records (%.0f/s)",
        tenant, target, done.get(), rate(done.get()));
    done.set(Math.max(done.get(), total));
  }

  double progress() {
    long t = total;
    return t <= 0 ? (done.get() > 0 ? 1.0 : 0.0) : Math.min(1.0, (double) done.get() / t);
  }

  private double rate(long d) {
    double seconds = Math.max(0.001, (System.nanoTime() - startedNanos) / 1e9);
    return d / seconds;
  }
}

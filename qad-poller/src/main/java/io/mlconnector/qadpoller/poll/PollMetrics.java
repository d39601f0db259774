package io.mlconnector.qadpoller.poll;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Poll metrics: {@code mlc_poll_records_total{tenant,entity}} (events published) and, during an
 * initial load, {@code mlc_initial_load_progress{tenant,entity}} (0..1) with a progress log line
 * (done / total, rate).
 */
@ApplicationScoped
public class PollMetrics {
  private static final Logger LOG = Logger.getLogger(PollMetrics.class);
  private static final long LOG_EVERY_NANOS = 10_000_000_000L;

  /** Progress of one initial load. */
  public final class InitialLoad {
    private final String tenant;
    private final String entity;
    private final long startedNanos = System.nanoTime();
    private final AtomicLong done = new AtomicLong();
    private volatile long total;
    private volatile long loggedNanos = startedNanos;

    InitialLoad(String tenant, String entity) {
      this.tenant = tenant;
      this.entity = entity;
    }

    void total(long count) {
      total = count;
      LOG.infof("initial load of %s/%s started: %d records in QAD", tenant, entity, count);
    }

    void advance(int rows) {
      long d = done.addAndGet(rows);
      long now = System.nanoTime();
      if (now - loggedNanos > LOG_EVERY_NANOS) {
        loggedNanos = now;
        LOG.infof(
            "initial load of %s/%s: %d / %d records (%.0f/s)", tenant, entity, d, total, rate(d));
      }
    }

    void finish() {
      done.set(Math.max(done.get(), total));
      LOG.infof(
          "initial load of %s/%s done: %d records (%.0f/s)",
          tenant, entity, done.get(), rate(done.get()));
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

  private final MeterRegistry registry;
  private final Map<String, InitialLoad> loads = new ConcurrentHashMap<>();

  public PollMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  public void published(String tenant, String entity, long count) {
    registry
        .counter("mlc.poll.records", Tags.of("tenant", tenant, "entity", entity))
        .increment(count);
  }

  /** Starts tracking an initial load; the gauge stays at its last value afterwards. */
  public InitialLoad initialLoad(String tenant, String entity) {
    InitialLoad load = new InitialLoad(tenant, entity);
    loads.put(tenant + "|" + entity, load);
    registry.gauge(
        "mlc.initial.load.progress",
        Tags.of("tenant", tenant, "entity", entity),
        loads,
        m -> {
          InitialLoad l = m.get(tenant + "|" + entity);
          return l == null ? 0 : l.progress();
        });
    return load;
  }
}

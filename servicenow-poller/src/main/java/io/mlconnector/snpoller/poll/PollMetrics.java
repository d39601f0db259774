package io.mlconnector.snpoller.poll;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * The same poll metrics as qad-poller: {@code mlc_poll_records_total{tenant,entity}} (events
 * published) and, during an initial load, {@code mlc_initial_load_progress{tenant,entity}} (0..1,
 * rows read against ServiceNow's {@code X-Total-Count}) with a log line when it starts and ends.
 */
@ApplicationScoped
public class PollMetrics {
  private static final Logger LOG = Logger.getLogger(PollMetrics.class);

  /** Progress of one initial load. */
  public static final class InitialLoad {
    private final String tenant;
    private final String table;
    private final long startedNanos = System.nanoTime();
    private final AtomicLong done = new AtomicLong();
    private volatile long total;

    InitialLoad(String tenant, String table) {
      this.tenant = tenant;
      this.table = table;
    }

    void total(long count) {
      total = count;
      if (count > 0) {
        LOG.infof("initial load of %s/%s started: %d rows in ServiceNow", tenant, table, count);
      }
    }

    void advance(int rows) {
      done.addAndGet(rows);
    }

    void finish() {
      if (done.get() == 0) {
        return; // An empty table stays "initial" until its first row; no need to say so each run.
      }
      double seconds = Math.max(0.001, (System.nanoTime() - startedNanos) / 1e9);
      LOG.infof(
          "initial load of %s/%s done: %d rows (%.0f/s)",
          tenant, table, done.get(), done.get() / seconds);
      done.set(Math.max(done.get(), total));
    }

    double progress() {
      long t = total;
      return t <= 0 ? (done.get() > 0 ? 1.0 : 0.0) : Math.min(1.0, (double) done.get() / t);
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
  public InitialLoad initialLoad(String tenant, String table) {
    InitialLoad load = new InitialLoad(tenant, table);
    String id = tenant + "|" + table;
    if (loads.put(id, load) != null) {
      return load; // The gauge reads the map, so it already follows the new load.
    }
    registry.gauge(
        "mlc.initial.load.progress",
        Tags.of("tenant", tenant, "entity", table),
        loads,
        m -> m.containsKey(id) ? m.get(id).progress() : 0);
    return load;
  }
}

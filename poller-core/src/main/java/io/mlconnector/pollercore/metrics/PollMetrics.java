package io.mlconnector.pollercore.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Poll metrics, the same for every poller: {@code mlc_poll_records_total{tenant,entity}} (events
 * published) and, during an initial load, {@code mlc_initial_load_progress{tenant,entity}} (0..1,
 * records read against the source's total count).
 */
@ApplicationScoped
public class PollMetrics {
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

  /**
   * Starts tracking an initial load; the gauge stays at its last value afterwards.
   *
   * @param source the system named in log lines, e.g. {@code QAD}
   */
  public InitialLoad initialLoad(String tenant, String target, String source) {
    InitialLoad load = new InitialLoad(tenant, target, source);
    String id = tenant + "|" + target;
    if (loads.put(id, load) != null) {
      return load; // The gauge reads the map, so it already follows the new load.
    }
    registry.gauge(
        "mlc.initial.load.progress",
        Tags.of("tenant", tenant, "entity", target),
        loads,
        m -> m.containsKey(id) ? m.get(id).progress() : 0);
    return load;
  }
}

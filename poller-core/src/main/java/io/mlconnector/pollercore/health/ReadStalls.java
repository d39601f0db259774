package io.mlconnector.pollercore.health;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which tenant's entity (or table) a reader could not read on, and why: the gauge {@code
 * mlc_poll_stalled{tenant,entity}} (1 while stalled, 0 once a poll of it completes) and the
 * readiness check {@link ReadStallsReadiness}. A stall is never silent and never a skip.
 */
@ApplicationScoped
public class ReadStalls {
  private final MeterRegistry registry;
  private final Map<String, String> reasons = new ConcurrentHashMap<>();
  private final Map<String, Boolean> gauges = new ConcurrentHashMap<>();

  public ReadStalls(MeterRegistry registry) {
    this.registry = registry;
  }

  /** The reader of {@code target} stopped at a point it cannot read past. */
  public void stalled(String tenant, String target, String reason) {
    String id = id(tenant, target);
    reasons.put(id, reason);
    gauge(id, tenant, target);
  }

  /** A poll of {@code target} read to its end: whatever stalled it is gone. */
  public void progressed(String tenant, String target) {
    reasons.remove(id(tenant, target));
  }

  /** Stalled readers by {@code tenant/target}, with their reasons, in name order. */
  public Map<String, String> current() {
    return new TreeMap<>(reasons);
  }

  private void gauge(String id, String tenant, String target) {
    if (gauges.putIfAbsent(id, Boolean.TRUE) == null) {
      registry.gauge(
          "mlc.poll.stalled",
          Tags.of("tenant", tenant, "entity", target),
          reasons,
          m -> m.containsKey(id) ? 1 : 0);
    }
  }

  private static String id(String tenant, String target) {
    return tenant + "/" + target;
  }
}

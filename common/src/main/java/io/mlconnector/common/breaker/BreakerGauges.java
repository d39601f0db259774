package io.mlconnector.common.breaker;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.BiFunction;

/**
 * The gauge {@code mlc_breaker_state{tenant,system}} in {@code /q/metrics}: this process's breaker
 * of that tenant's system, 0 closed, 1 half-open, 2 open. Its own class so that tools and tests
 * without Micrometer never load it.
 */
@ApplicationScoped
public class BreakerGauges {
  private final MeterRegistry registry;

  public BreakerGauges(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Registers the gauge of one tenant's system, read from {@code states} at each scrape. */
  void watch(String tenant, String system, BiFunction<String, String, BreakerState> states) {
    Gauge.builder(
            "mlc_breaker_state",
            states,
            s -> {
              BreakerState state = s.apply(tenant, system);
              return state == null ? 0 : state.gauge();
            })
        .description("circuit breaker per tenant and system: 0 closed, 1 half-open, 2 open")
        .tags("tenant", tenant, "system", system)
        // the function is a method reference nobody else holds: a weak one would be collected
        .strongReference(true)
        .register(registry);
  }
}

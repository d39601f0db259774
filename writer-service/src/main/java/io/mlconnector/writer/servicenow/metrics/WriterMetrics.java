package io.mlconnector.writer.servicenow.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/** Counters of the ServiceNow writer, tagged by tenant and staging table. */
@ApplicationScoped
public class WriterMetrics {
  private final MeterRegistry registry;

  public WriterMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** A staging row was inserted or updated ({@code operation} = insert | update). */
  public void written(String tenant, String table, String operation) {
    registry
        .counter(
            "mlc.writer.servicenow.writes",
            "tenant",
            tenant,
            "table",
            table,
            "operation",
            operation)
        .increment();
  }

  public void skipped(String tenant, String table) {
    registry.counter("mlc.writer.servicenow.skips", "tenant", tenant, "table", table).increment();
  }

  public void lookup(String tenant, String table) {
    registry.counter("mlc.writer.servicenow.lookups", "tenant", tenant, "table", table).increment();
  }

  public void parked(String tenant, String table) {
    registry.counter("mlc.writer.servicenow.parked", "tenant", tenant, "table", table).increment();
  }
}

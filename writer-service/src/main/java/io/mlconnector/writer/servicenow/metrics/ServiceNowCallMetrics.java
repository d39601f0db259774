package io.mlconnector.writer.servicenow.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.mlconnector.snclient.http.ServiceNowCallObserver;
import jakarta.enterprise.context.ApplicationScoped;

/** Counts every HTTP call the ServiceNow client makes, per tenant, endpoint and status. */
@ApplicationScoped
public class ServiceNowCallMetrics implements ServiceNowCallObserver {
  private final MeterRegistry registry;

  public ServiceNowCallMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void onCall(String tenant, String endpoint, int status) {
    registry
        .counter(
            "mlc.servicenow.http.calls",
            "tenant",
            tenant,
            "endpoint",
            endpoint,
            "status",
            Integer.toString(status))
        .increment();
  }
}

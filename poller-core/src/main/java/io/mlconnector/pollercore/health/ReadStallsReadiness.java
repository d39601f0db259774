package io.mlconnector.pollercore.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness is DOWN while any reader is stalled, naming each {@code tenant/entity} and why, so an
 * operator (or an alert on the probe) sees a reader that stopped instead of skipping records.
 */
@Readiness
@ApplicationScoped
public class ReadStallsReadiness implements HealthCheck {
  private final ReadStalls stalls;

  public ReadStallsReadiness(ReadStalls stalls) {
    this.stalls = stalls;
  }

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response = HealthCheckResponse.named("Poll readers").up();
    stalls
        .current()
        .forEach(
            (target, reason) -> {
              response.withData(target, reason);
              response.down();
            });
    return response.build();
  }
}

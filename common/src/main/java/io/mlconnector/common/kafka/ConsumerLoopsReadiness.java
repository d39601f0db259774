package io.mlconnector.common.kafka;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness is UP only when every consumer loop is running, has its partitions and its last poll
 * worked, so a deployment (or a test) knows published events will be consumed.
 */
@Readiness
@ApplicationScoped
public class ConsumerLoopsReadiness implements HealthCheck {
  private final ConsumerLoops loops;

  public ConsumerLoopsReadiness(ConsumerLoops loops) {
    this.loops = loops;
  }

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response = HealthCheckResponse.named("Kafka consumer loops").up();
    for (EventConsumerLoop loop : loops.all()) {
      response.withData(loop.groupId(), loop.state());
      if (!loop.ready()) {
        response.down();
      }
    }
    return response.build();
  }
}

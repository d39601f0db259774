package io.mlconnector.mapper.messaging;

import io.mlconnector.common.audit.AuditEntry.KafkaCoordinates;
import io.mlconnector.common.event.EventEnvelope;
import io.mlconnector.common.kafka.EventPublisher;
import io.mlconnector.common.kafka.EventPublisher.Outgoing;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;

/**
 * Sends one command and waits for the broker's acknowledgement, so the audit row that follows can
 * name where the command went.
 */
@ApplicationScoped
public class CommandSender {
  private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(30);

  private final EventPublisher publisher;

  public CommandSender(EventPublisher publisher) {
    this.publisher = publisher;
  }

  public KafkaCoordinates send(String topic, String key, EventEnvelope command) {
    var acked =
        publisher
            .publishAndAwait(List.of(new Outgoing(topic, key, command)), PUBLISH_TIMEOUT)
            .get(0);
    return new KafkaCoordinates(topic, acked.partition(), acked.offset());
  }
}

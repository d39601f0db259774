package io.mlconnector.mapper.messaging;

import io.mlconnector.common.audit.AuditEntry;
import io.mlconnector.common.audit.AuditEntry.KafkaCoordinates;
import io.mlconnector.common.audit.AuditTrail;
import io.mlconnector.common.kafka.EventPublisher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Sends a poll's commands and waits for the broker's acknowledgement of all of them at once (one
 * flush per poll, not a round trip per record), then writes their audit rows with where each
 * command went (one JDBC batch). Order per key holds: one producer, the Kafka key decides the
 * partition, and the producer is idempotent with {@code acks=all} (common's {@link
 * EventPublisher}), so retried sends cannot reorder or double a partition's records. If any command
 * is not acknowledged this throws, the poll's transaction rolls back and the consumer loop delivers
 * the poll's events again.
 */
@jakarta.enterprise.context.ApplicationScoped
public class CommandSender {
  private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(30);

  private final EventPublisher publisher;
  private final AuditTrail audit;

  public CommandSender(EventPublisher publisher, AuditTrail audit) {
    this.publisher = publisher;
    this.audit = audit;
  }

  public void publish(CommandBatch batch) {
    List<CommandBatch.Pending> pending = batch.pending();
    if (pending.isEmpty()) {
      return;
    }
    List<RecordMetadata> acked =
        publisher.publishAndAwait(
            pending.stream().map(CommandBatch.Pending::command).toList(), PUBLISH_TIMEOUT);
    List<AuditEntry> rows = new ArrayList<>();
    for (int i = 0; i < pending.size(); i++) {
      CommandBatch.Pending p = pending.get(i);
      if (p.audit() != null) {
        RecordMetadata m = acked.get(i);
        rows.add(p.audit().apply(new KafkaCoordinates(m.topic(), m.partition(), m.offset())));
      }
    }
    audit.recordAll(rows);
  }
}

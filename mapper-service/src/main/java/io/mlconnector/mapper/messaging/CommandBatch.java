package io.mlconnector.mapper.messaging;

import io.mlconnector.common.audit.AuditEntry;
import io.mlconnector.common.audit.AuditEntry.KafkaCoordinates;
import io.mlconnector.common.event.EventEnvelope;
import io.mlconnector.common.kafka.EventPublisher.Outgoing;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The commands one poll produced, in the order their source events came: {@link CommandSender}
 * sends them together with one flush and writes each command's audit row once the broker has
 * acknowledged it, so the row can say where the command went. One per poll, never shared.
 */
public final class CommandBatch {
  /** A command and the audit row it earns once acknowledged (null: none). */
  record Pending(Outgoing command, Function<KafkaCoordinates, AuditEntry> audit) {}

  private final List<Pending> pending = new ArrayList<>();

  /** Queues a command; {@code audit} builds its row from where the broker put it. */
  public void add(
      String topic,
      String key,
      EventEnvelope command,
      Function<KafkaCoordinates, AuditEntry> audit) {
    pending.add(new Pending(new Outgoing(topic, key, command), audit));
  }

  List<Pending> pending() {
    return pending;
  }
}

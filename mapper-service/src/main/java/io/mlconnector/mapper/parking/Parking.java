package io.mlconnector.mapper.parking;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.common.audit.AuditEntry;
import io.mlconnector.common.audit.AuditEntry.KafkaCoordinates;
import io.mlconnector.common.audit.AuditStage;
import io.mlconnector.common.audit.AuditTrail;
import io.mlconnector.common.event.EventEnvelope;
import io.mlconnector.common.event.EventKey;
import io.mlconnector.common.event.PayloadHash;
import io.mlconnector.common.event.SourceSystem;
import io.mlconnector.common.event.Topics;
import io.mlconnector.common.kafka.EventPublisher;
import io.mlconnector.common.kafka.EventPublisher.Outgoing;
import io.mlconnector.mapper.staging.StagingMappings;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;

/**
 * Parks a record that cannot go on: the original event and a reason a person can act on go to
 * {@link Topics#PARKED} (from where it can be replayed once fixed), and the audit trail says so.
 * Nothing is dropped.
 */
@ApplicationScoped
public class Parking {
  private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(30);

  private final EventPublisher publisher;
  private final AuditTrail audit;
  private final StagingMappings mappings;

  public Parking(EventPublisher publisher, AuditTrail audit, StagingMappings mappings) {
    this.publisher = publisher;
    this.audit = audit;
    this.mappings = mappings;
  }

  /** The key the event travelled under, so a replay keeps its ordering. */
  private String originalKey(EventEnvelope event) {
    String business =
        event.sourceSystem() == SourceSystem.QAD
            ? mappings.businessKey(event.entity(), event.payload()).orElse(event.sourceId())
            : event.sourceId();
    return EventKey.of(event.tenant(), event.entity(), business);
  }

  public void park(EventEnvelope event, String reason, KafkaCoordinates where) {
    ObjectNode payload = JsonNodeFactory.instance.objectNode();
    payload.put("stage", "mapper");
    payload.put("reason", reason);
    payload.put("originalTopic", where.topic());
    payload.set("original", event.payload());
    payload.put("originalSourceSystem", event.sourceSystem().name());
    payload.put("originalKey", originalKey(event));
    EventEnvelope parked = event.derive(event.entity(), SourceSystem.CONNECTOR, payload);
    publisher.publishAndAwait(
        List.of(
            new Outgoing(
                Topics.PARKED,
                EventKey.of(event.tenant(), event.entity(), event.sourceId()),
                parked)),
        PUBLISH_TIMEOUT);
    audit.record(
        AuditEntry.of(event, AuditStage.PARKED, PayloadHash.of(event.payload()), where)
            .withError(AuditStage.PARKED, reason));
  }
}

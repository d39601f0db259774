package io.mlconnector.mapper.parking;

import io.mlconnector.common.audit.AuditEntry;
import io.mlconnector.common.audit.AuditEntry.KafkaCoordinates;
import io.mlconnector.common.audit.AuditStage;
import io.mlconnector.common.audit.AuditTrail;
import io.mlconnector.common.event.EventEnvelope;
import io.mlconnector.common.event.EventKey;
import io.mlconnector.common.event.ParkedEvent;
import io.mlconnector.common.event.PayloadHash;
import io.mlconnector.common.event.SourceSystem;
import io.mlconnector.common.event.Topics;
import io.mlconnector.common.kafka.EventPublisher.Outgoing;
import io.mlconnector.common.parking.ParkedEvents;
import io.mlconnector.mapper.staging.StagingMappings;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Parks a record that cannot go on: the original event and a reason a person can act on go to
 * {@link Topics#PARKED} in common's {@link ParkedEvent} shape (from where it can be replayed once
 * fixed), and the audit trail says so. Nothing is dropped.
 */
@ApplicationScoped
public class Parking {
  static final String STAGE = "mapper";

  private final ParkedEvents parked;
  private final AuditTrail audit;
  private final StagingMappings mappings;

  public Parking(ParkedEvents parked, AuditTrail audit, StagingMappings mappings) {
    this.parked = parked;
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
    EventEnvelope record =
        ParkedEvent.of(event, where.topic(), originalKey(event), STAGE, reason, true);
    parked.publish(
        List.of(
            new Outgoing(
                Topics.PARKED,
                EventKey.of(event.tenant(), event.entity(), event.sourceId()),
                record)));
    audit.record(
        AuditEntry.of(event, AuditStage.PARKED, PayloadHash.of(event.payload()), where)
            .withError(AuditStage.PARKED, reason));
  }
}

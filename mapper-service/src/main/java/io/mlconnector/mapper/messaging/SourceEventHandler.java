package io.mlconnector.mapper.messaging;

import io.mlconnector.common.audit.AuditEntry;
import io.mlconnector.common.audit.AuditEntry.KafkaCoordinates;
import io.mlconnector.common.audit.AuditStage;
import io.mlconnector.common.audit.AuditTrail;
import io.mlconnector.common.event.EventEnvelope;
import io.mlconnector.common.event.PayloadHash;
import io.mlconnector.common.kafka.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Receives one source change event: records it in the audit trail. */
@ApplicationScoped
public class SourceEventHandler implements EventHandler {
  private final AuditTrail audit;

  public SourceEventHandler(AuditTrail audit) {
    this.audit = audit;
  }

  @Override
  @Transactional
  public void handle(EventEnvelope event, KafkaCoordinates where) {
    audit.record(AuditEntry.of(event, AuditStage.RECEIVED, PayloadHash.of(event.payload()), where));
  }
}

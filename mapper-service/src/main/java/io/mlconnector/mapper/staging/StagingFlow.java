package io.mlconnector.mapper.staging;

import io.mlconnector.common.audit.AuditEntry;
import io.mlconnector.common.audit.AuditEntry.KafkaCoordinates;
import io.mlconnector.common.audit.AuditStage;
import io.mlconnector.common.event.EventEnvelope;
import io.mlconnector.common.event.EventKey;
import io.mlconnector.common.event.PayloadHash;
import io.mlconnector.common.event.SourceSystem;
import io.mlconnector.common.event.Topics;
import io.mlconnector.common.tenant.Tenant;
import io.mlconnector.mapper.messaging.CommandBatch;
import io.mlconnector.mapper.parking.Parking;
import jakarta.enterprise.context.ApplicationScoped;

/** QAD record → {@code sn.upsert} staging command, or parked with the reason. */
@ApplicationScoped
public class StagingFlow {
  private final StagingRowMapper mapper;
  private final Parking parking;

  public StagingFlow(StagingRowMapper mapper, Parking parking) {
    this.mapper = mapper;
    this.parking = parking;
  }

  /** Maps the event; its command joins the poll's {@code batch}, its audit row follows the ack. */
  public void handle(
      Tenant tenant, EventEnvelope event, KafkaCoordinates where, CommandBatch batch) {
    MappingOutcome outcome = mapper.map(tenant, event);
    if (outcome instanceof MappingOutcome.Parked parked) {
      parking.park(event, parked.reason(), where);
    } else if (outcome instanceof MappingOutcome.Mapped mapped) {
      StagingCommand c = mapped.command();
      EventEnvelope command = event.derive(event.entity(), SourceSystem.CONNECTOR, c.payload());
      String key = EventKey.of(event.tenant(), event.entity(), c.kafkaKeyPart());
      String hash = PayloadHash.of(command.payload());
      batch.add(
          Topics.SN_UPSERT,
          key,
          command,
          sent -> AuditEntry.of(event, AuditStage.MAPPED, hash, sent));
    }
  }
}

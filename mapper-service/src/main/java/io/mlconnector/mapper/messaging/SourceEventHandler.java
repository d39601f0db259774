package io.mlconnector.mapper.messaging;

import io.mlconnector.common.audit.AuditEntry;
import io.mlconnector.common.audit.AuditEntry.KafkaCoordinates;
import io.mlconnector.common.audit.AuditStage;
import io.mlconnector.common.audit.AuditTrail;
import io.mlconnector.common.event.EventEnvelope;
import io.mlconnector.common.event.EventKey;
import io.mlconnector.common.event.PayloadHash;
import io.mlconnector.common.event.SourceSystem;
import io.mlconnector.common.event.Topics;
import io.mlconnector.common.kafka.EventHandler;
import io.mlconnector.common.kafka.EventPublisher;
import io.mlconnector.common.kafka.EventPublisher.Outgoing;
import io.mlconnector.common.tenant.Tenant;
import io.mlconnector.common.tenant.TenantDirectory;
import io.mlconnector.mapper.dimension.QadDimensionCatalog;
import io.mlconnector.mapper.parking.Parking;
import io.mlconnector.mapper.staging.MappingOutcome;
import io.mlconnector.mapper.staging.StagingRowMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;

/**
 * One source change event: audit it as received, then for QAD records map to a ServiceNow staging
 * command on {@link Topics#SN_UPSERT} (or park it with a reason), remembering dimensions on the
 * way.
 */
@ApplicationScoped
public class SourceEventHandler implements EventHandler {
  private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(30);

  private final AuditTrail audit;
  private final TenantDirectory tenants;
  private final StagingRowMapper stagingMapper;
  private final QadDimensionCatalog dimensions;
  private final Parking parking;
  private final EventPublisher publisher;

  public SourceEventHandler(
      AuditTrail audit,
      TenantDirectory tenants,
      StagingRowMapper stagingMapper,
      QadDimensionCatalog dimensions,
      Parking parking,
      EventPublisher publisher) {
    this.audit = audit;
    this.tenants = tenants;
    this.stagingMapper = stagingMapper;
    this.dimensions = dimensions;
    this.parking = parking;
    this.publisher = publisher;
  }

  @Override
  @Transactional
  public void handle(EventEnvelope event, KafkaCoordinates where) {
    audit.record(AuditEntry.of(event, AuditStage.RECEIVED, PayloadHash.of(event.payload()), where));
    if (event.sourceSystem() != SourceSystem.QAD) {
      return; // ServiceNow → QAD mapping arrives with the invoice flow.
    }
    Tenant tenant = tenants.find(event.tenant()).orElse(null);
    if (tenant == null) {
      parking.park(
          event,
          "tenant '" + event.tenant() + "' is not in the registry; register it in the console",
          where);
      return;
    }
    if (QadDimensionCatalog.isDimension(event.entity())) {
      dimensions.remember(tenant.id(), event.entity(), event.payload());
    }
    MappingOutcome outcome = stagingMapper.map(tenant, event);
    if (outcome instanceof MappingOutcome.Parked parked) {
      parking.park(event, parked.reason(), where);
    } else if (outcome instanceof MappingOutcome.Mapped mapped) {
      publishCommand(event, mapped, where);
    }
  }

  private void publishCommand(
      EventEnvelope event, MappingOutcome.Mapped mapped, KafkaCoordinates where) {
    EventEnvelope command =
        event.derive(event.entity(), SourceSystem.CONNECTOR, mapped.command().payload());
    String key = EventKey.of(event.tenant(), event.entity(), mapped.command().kafkaKeyPart());
    var acked =
        publisher
            .publishAndAwait(List.of(new Outgoing(Topics.SN_UPSERT, key, command)), PUBLISH_TIMEOUT)
            .get(0);
    audit.record(
        AuditEntry.of(
            event,
            AuditStage.MAPPED,
            PayloadHash.of(command.payload()),
            new KafkaCoordinates(Topics.SN_UPSERT, acked.partition(), acked.offset())));
  }
}

package io.mlconnector.mapper.messaging;

import io.mlconnector.common.audit.AuditEntry;
import io.mlconnector.common.audit.AuditEntry.KafkaCoordinates;
import io.mlconnector.common.audit.AuditStage;
import io.mlconnector.common.audit.AuditTrail;
import io.mlconnector.common.event.EntityType;
import io.mlconnector.common.event.EventEnvelope;
import io.mlconnector.common.event.PayloadHash;
import io.mlconnector.common.event.SourceSystem;
import io.mlconnector.common.kafka.BatchHandler;
import io.mlconnector.common.kafka.ConsumedEvent;
import io.mlconnector.common.kafka.RecordFailure;
import io.mlconnector.common.tenant.Tenant;
import io.mlconnector.common.tenant.TenantDirectory;
import io.mlconnector.mapper.dimension.DimensionCatalog;
import io.mlconnector.mapper.invoice.InvoiceFlow;
import io.mlconnector.mapper.parking.Parking;
import io.mlconnector.mapper.staging.StagingFlow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * One poll of source change events, in one transaction. All events audited as received (one JDBC
 * batch), then each event: dimensions remembered for alignment, then QAD records go to the staging
 * flow and ServiceNow invoices to the invoice flow; events of a tenant the registry does not know
 * are parked. The commands of the whole poll are then sent with one flush ({@link CommandSender}).
 * Anything that throws, a command the broker did not acknowledge included, rolls the poll back and
 * the consumer loop hands its events over again one at a time (common's {@link BatchHandler}
 * contract), so nothing is committed past a command that was not sent.
 */
@ApplicationScoped
public class SourceEventHandler implements BatchHandler {
  private final AuditTrail audit;
  private final TenantDirectory tenants;
  private final DimensionCatalog dimensions;
  private final StagingFlow staging;
  private final InvoiceFlow invoices;
  private final Parking parking;
  private final CommandSender sender;

  public SourceEventHandler(
      AuditTrail audit,
      TenantDirectory tenants,
      DimensionCatalog dimensions,
      StagingFlow staging,
      InvoiceFlow invoices,
      Parking parking,
      CommandSender sender) {
    this.audit = audit;
    this.tenants = tenants;
    this.dimensions = dimensions;
    this.staging = staging;
    this.invoices = invoices;
    this.parking = parking;
    this.sender = sender;
  }

  @Override
  @Transactional
  public List<RecordFailure> handle(List<ConsumedEvent> events) {
    CommandBatch batch = new CommandBatch();
    // The poll's RECEIVED rows in one JDBC batch, ahead of anything else the events cause.
    audit.recordAll(
        events.stream()
            .map(
                e ->
                    AuditEntry.of(
                        e.event(),
                        AuditStage.RECEIVED,
                        PayloadHash.of(e.event().payload()),
                        e.where()))
            .toList());
    for (ConsumedEvent e : events) {
      handle(e.event(), e.where(), batch);
    }
    sender.publish(batch);
    return List.of();
  }

  private void handle(EventEnvelope event, KafkaCoordinates where, CommandBatch batch) {
    Tenant tenant = tenants.find(event.tenant()).orElse(null);
    if (tenant == null) {
      parking.park(
          event,
          "tenant '" + event.tenant() + "' is not in the registry; register it in the console",
          where);
      return;
    }
    DimensionCatalog.dimensionOf(event.entity())
        .flatMap(d -> dimensions.remember(event.sourceSystem(), tenant.id(), d, event.payload()))
        .filter(known -> event.sourceSystem() == SourceSystem.QAD && known.active())
        .ifPresent(known -> invoices.release(tenant.id(), known.dimension(), known.code(), batch));
    if (event.sourceSystem() == SourceSystem.QAD) {
      staging.handle(tenant, event, where, batch);
    } else if (event.entity() == EntityType.SUPPLIER_INVOICE) {
      invoices.handle(event, where, batch);
    }
  }
}

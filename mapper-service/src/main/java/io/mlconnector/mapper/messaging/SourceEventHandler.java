package io.mlconnector.mapper.messaging;

import io.mlconnector.common.audit.AuditEntry;
import io.mlconnector.common.audit.AuditEntry.KafkaCoordinates;
import io.mlconnector.common.audit.AuditStage;
import io.mlconnector.common.audit.AuditTrail;
import io.mlconnector.common.event.EntityType;
import io.mlconnector.common.event.EventEnvelope;
import io.mlconnector.common.event.PayloadHash;
import io.mlconnector.common.event.SourceSystem;
import io.mlconnector.common.kafka.EventHandler;
import io.mlconnector.common.tenant.Tenant;
import io.mlconnector.common.tenant.TenantDirectory;
import io.mlconnector.mapper.dimension.DimensionCatalog;
import io.mlconnector.mapper.invoice.InvoiceFlow;
import io.mlconnector.mapper.parking.Parking;
import io.mlconnector.mapper.staging.StagingFlow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * One source change event: audited as received, dimensions remembered for alignment, then QAD
 * records go to the staging flow and ServiceNow invoices to the invoice flow. Events of a tenant
 * the registry does not know are parked.
 */
@ApplicationScoped
public class SourceEventHandler implements EventHandler {
  private final AuditTrail audit;
  private final TenantDirectory tenants;
  private final DimensionCatalog dimensions;
  private final StagingFlow staging;
  private final InvoiceFlow invoices;
  private final Parking parking;

  public SourceEventHandler(
      AuditTrail audit,
      TenantDirectory tenants,
      DimensionCatalog dimensions,
      StagingFlow staging,
      InvoiceFlow invoices,
      Parking parking) {
    this.audit = audit;
    this.tenants = tenants;
    this.dimensions = dimensions;
    this.staging = staging;
    this.invoices = invoices;
    this.parking = parking;
  }

  @Override
  @Transactional
  public void handle(EventEnvelope event, KafkaCoordinates where) {
    audit.record(AuditEntry.of(event, AuditStage.RECEIVED, PayloadHash.of(event.payload()), where));
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
        .ifPresent(known -> invoices.release(tenant.id(), known.dimension(), known.code()));
    if (event.sourceSystem() == SourceSystem.QAD) {
      staging.handle(tenant, event, where);
    } else if (event.entity() == EntityType.SUPPLIER_INVOICE) {
      invoices.handle(event, where);
    }
  }
}

package io.mlconnector.writer.qad.service;

import io.mlconnector.common.audit.AuditStage;
import io.mlconnector.common.event.EnvelopeCodec;
import io.mlconnector.common.tenant.Tenant;
import io.mlconnector.common.tenant.TenantDirectory;
import io.mlconnector.qadclient.QadClient;
import io.mlconnector.qadclient.QadClients;
import io.mlconnector.qadclient.QadConfigurationException;
import io.mlconnector.qadclient.QadRejectedException;
import io.mlconnector.writer.qad.ledger.InvoiceLedger;
import io.mlconnector.writer.qad.ledger.InvoiceRecord;
import io.mlconnector.writer.qad.ledger.InvoiceStatus;
import io.mlconnector.writer.qad.metrics.InvoiceMetrics;
import io.mlconnector.writer.qad.service.InvoicePosting.Voucher;
import io.mlconnector.writer.qad.service.ReceiptGate.Decision;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Moves one invoice as far as it can go now: reject → Error in ServiceNow; gate closed →
 * AWAITING_RECEIPT; gate open → posted in QAD exactly once → Processed in ServiceNow. Runs under
 * the invoice's lock. Every attempt first looks the invoice up in QAD by supplier and reference and
 * adopts what it finds; only then does the gate claim the received quantity and mark the invoice
 * POSTING (committed before QAD is called). A POST whose outcome is unknown is never re-sent by the
 * client: the invoice stays POSTING and the next attempt's lookup settles it.
 *
 * <p>Errors: QAD refusing the invoice → FAILED with the clerk's message; QAD refusing a read the
 * posting needs (a 4xx that is not transient) → PARKED with the reason; anything transient (5xx,
 * 408/409/423/425/429, timeouts, outcome unknown, an open breaker) leaves the invoice where it was
 * and propagates: the command is retried (consumer) or the recheck comes back to it.
 */
@ApplicationScoped
public class InvoiceProcessor {
  private static final Logger LOG = Logger.getLogger(InvoiceProcessor.class);

  private final InvoiceLedger ledger;
  private final ReceiptGate gate;
  private final InvoicePosting posting;
  private final QadClients qadClients;
  private final TenantDirectory tenants;
  private final StatusWriteBack writeBack;
  private final InvoiceAudit audit;
  private final InvoiceMetrics metrics;
  private final InvoiceLocks locks;
  private final InvoiceParking parking;

  public InvoiceProcessor(
      InvoiceLedger ledger,
      ReceiptGate gate,
      InvoicePosting posting,
      QadClients qadClients,
      TenantDirectory tenants,
      StatusWriteBack writeBack,
      InvoiceAudit audit,
      InvoiceMetrics metrics,
      InvoiceLocks locks,
      InvoiceParking parking) {
    this.ledger = ledger;
    this.gate = gate;
    this.posting = posting;
    this.qadClients = qadClients;
    this.tenants = tenants;
    this.writeBack = writeBack;
    this.audit = audit;
    this.metrics = metrics;
    this.locks = locks;
    this.parking = parking;
  }

  public void process(String tenantId, String sysId) {
    locks.withLock(
        tenantId,
        sysId,
        () -> {
          Optional<Tenant> tenant = tenants.find(tenantId).filter(Tenant::enabled);
          Optional<InvoiceRecord> invoice = ledger.find(tenantId, sysId);
          if (tenant.isEmpty() || invoice.isEmpty()) {
            LOG.warnf("invoice %s of unknown or disabled tenant %s left as is", sysId, tenantId);
            return null;
          }
          InvoiceRecord now = invoice.get();
          if (!now.status().settled()) {
            now = advance(tenant.get(), now);
          }
          writeBack.ensure(tenant.get(), now);
          return null;
        });
  }

  private InvoiceRecord advance(Tenant tenant, InvoiceRecord invoice) {
    InvoiceCommand command = commandOf(invoice);
    if (!command.post()) {
      return refused(invoice, InvoiceStatus.REJECTED, AuditStage.PARKED, command.reason());
    }
    QadClient qad = qadClients.forTenant(tenant);
    try {
      // Before anything is sent, every time: does QAD have it already? (A post whose answer was
      // lost, a crash after QAD accepted.) Only this lookup settles a POSTING invoice.
      Optional<Voucher> existing = posting.existing(qad, command);
      if (existing.isPresent()) {
        return posted(invoice, existing.get());
      }
      Decision decision = gate.check(tenant.id(), qad, command);
      if (decision.open()) {
        decision =
            gate.claim(
                tenant.id(),
                command,
                decision,
                () -> ledger.posting(invoice.tenant(), invoice.sysId()));
      }
      if (!decision.open()) {
        return awaiting(invoice, decision.waitingOn());
      }
    } catch (QadRejectedException | QadConfigurationException e) {
      // Neither a refusal of the invoice nor transient: a person has to look.
      return parked(invoice, "QAD refused a read needed before posting: " + e.getMessage());
    }
    try {
      return posted(invoice, posting.create(tenant.id(), qad, command));
    } catch (QadRejectedException e) {
      String message = ClerkMessages.qadRefused(e.errors());
      return refused(invoice, InvoiceStatus.FAILED, AuditStage.FAILED, message);
    }
  }

  private InvoiceRecord parked(InvoiceRecord invoice, String reason) {
    LOG.warnf("invoice %s of %s parked: %s", invoice.sysId(), invoice.tenant(), reason);
    QuarkusTransaction.requiringNew()
        .run(() -> ledger.parked(invoice.tenant(), invoice.sysId(), reason));
    InvoiceRecord now = reload(invoice);
    parking.park(now, reason);
    metrics.failed(invoice.tenant());
    return now;
  }

  private InvoiceRecord awaiting(InvoiceRecord invoice, String waitingOn) {
    boolean entering = invoice.status() != InvoiceStatus.AWAITING_RECEIPT;
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              ledger.awaiting(invoice.tenant(), invoice.sysId(), waitingOn, entering);
              if (entering) {
                audit.record(invoice, AuditStage.AWAITING_RECEIPT, null, waitingOn);
              }
            });
    if (entering) {
      metrics.held(invoice.tenant());
    }
    return reload(invoice);
  }

  private InvoiceRecord posted(InvoiceRecord invoice, Voucher voucher) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              ledger.posted(
                  invoice.tenant(),
                  invoice.sysId(),
                  voucher.number(),
                  voucher.qadStatus(),
                  Instant.now());
              audit.record(invoice, AuditStage.WRITTEN, voucher.number(), null);
            });
    if (voucher.adopted()) {
      LOG.infof("QAD already had invoice %s as %s; adopted", invoice.sysId(), voucher.number());
    }
    metrics.posted(invoice.tenant());
    if (invoice.status() == InvoiceStatus.AWAITING_RECEIPT) {
      metrics.released(invoice.tenant());
    }
    return reload(invoice);
  }

  private InvoiceRecord refused(
      InvoiceRecord invoice, InvoiceStatus status, AuditStage stage, String reason) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              ledger.refused(invoice.tenant(), invoice.sysId(), status, reason);
              audit.record(invoice, stage, null, reason);
            });
    metrics.failed(invoice.tenant());
    return reload(invoice);
  }

  private InvoiceRecord reload(InvoiceRecord invoice) {
    return ledger.find(invoice.tenant(), invoice.sysId()).orElseThrow();
  }

  private static InvoiceCommand commandOf(InvoiceRecord invoice) {
    try {
      return InvoiceCommand.from(EnvelopeCodec.read(invoice.envelope()).payload());
    } catch (InvoiceCommand.InvalidCommandException e) {
      throw new IllegalStateException("stored command of " + invoice.sysId() + " is invalid", e);
    }
  }
}

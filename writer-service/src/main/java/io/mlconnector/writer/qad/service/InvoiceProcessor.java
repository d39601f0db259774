package io.mlconnector.writer.qad.service;

import io.mlconnector.common.audit.AuditStage;
import io.mlconnector.common.event.EnvelopeCodec;
import io.mlconnector.common.tenant.Tenant;
import io.mlconnector.common.tenant.TenantDirectory;
import io.mlconnector.qadclient.QadClient;
import io.mlconnector.qadclient.QadClients;
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
 * the invoice's lock. The ledger says POSTING before QAD is called, so whoever finds POSTING later
 * (a redelivery after a crash, the recheck) first looks the invoice up in QAD and adopts it.
 *
 * <p>A {@link io.mlconnector.qadclient.QadException} other than a refusal leaves the invoice where
 * it was and propagates: the command is retried (consumer) or the recheck comes back to it.
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

  public InvoiceProcessor(
      InvoiceLedger ledger,
      ReceiptGate gate,
      InvoicePosting posting,
      QadClients qadClients,
      TenantDirectory tenants,
      StatusWriteBack writeBack,
      InvoiceAudit audit,
      InvoiceMetrics metrics,
      InvoiceLocks locks) {
    this.ledger = ledger;
    this.gate = gate;
    this.posting = posting;
    this.qadClients = qadClients;
    this.tenants = tenants;
    this.writeBack = writeBack;
    this.audit = audit;
    this.metrics = metrics;
    this.locks = locks;
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
    if (invoice.status() == InvoiceStatus.POSTING) {
      Optional<Voucher> existing = posting.existing(qad, command);
      if (existing.isPresent()) {
        return posted(invoice, existing.get());
      }
    }
    Decision decision = gate.check(tenant.id(), qad, command);
    if (!decision.open()) {
      return awaiting(invoice, decision.waitingOn());
    }
    Optional<Voucher> existing = posting.existing(qad, command);
    if (existing.isPresent()) {
      return posted(invoice, existing.get());
    }
    ledger.posting(invoice.tenant(), invoice.sysId());
    try {
      return posted(invoice, posting.create(tenant.id(), qad, command));
    } catch (QadRejectedException e) {
      String message = ClerkMessages.qadRefused(e.errors());
      return refused(invoice, InvoiceStatus.FAILED, AuditStage.FAILED, message);
    }
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

package io.mlconnector.writer.qad.messaging;

import io.mlconnector.common.audit.AuditEntry;
import io.mlconnector.common.audit.AuditEntry.KafkaCoordinates;
import io.mlconnector.common.audit.AuditStage;
import io.mlconnector.common.audit.AuditTrail;
import io.mlconnector.common.event.EntityType;
import io.mlconnector.common.event.EnvelopeCodec;
import io.mlconnector.common.event.EventEnvelope;
import io.mlconnector.common.event.PayloadHash;
import io.mlconnector.common.event.SourceVersion;
import io.mlconnector.common.kafka.EventHandler;
import io.mlconnector.common.tenant.TenantDirectory;
import io.mlconnector.writer.qad.ledger.InvoiceLedger;
import io.mlconnector.writer.qad.ledger.InvoiceLedger.NewInvoice;
import io.mlconnector.writer.qad.ledger.InvoiceLines;
import io.mlconnector.writer.qad.ledger.InvoiceRecord;
import io.mlconnector.writer.qad.ledger.InvoiceStatus;
import io.mlconnector.writer.qad.service.InvoiceCommand;
import io.mlconnector.writer.qad.service.InvoiceLocks;
import io.mlconnector.writer.qad.service.InvoiceProcessor;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * {@code qad.invoice.post}: stores the command in the invoice ledger (committed before the offset)
 * and processes it. A redelivered command finds its row and only continues where it stood, so three
 * deliveries post once; a throw (QAD unavailable) makes the loop redeliver it.
 *
 * <p>Versions only move forward: a command older than the stored one (redelivery, offset-reset
 * replay) is skipped. The mapper only sends commands for invoices in Integration status New, so a
 * newer version of an invoice that ended FAILED or REJECTED is a clerk's resubmission and a new
 * attempt, even when its content is unchanged; a PARKED invoice is retried by any delivery that is
 * not older (the operator's replay).
 */
@ApplicationScoped
public class InvoiceCommandHandler implements EventHandler {
  private static final Logger LOG = Logger.getLogger(InvoiceCommandHandler.class);

  private final InvoiceLedger ledger;
  private final InvoiceLines lines;
  private final InvoiceProcessor processor;
  private final InvoiceLocks locks;
  private final TenantDirectory tenants;
  private final AuditTrail audit;

  public InvoiceCommandHandler(
      InvoiceLedger ledger,
      InvoiceLines lines,
      InvoiceProcessor processor,
      InvoiceLocks locks,
      TenantDirectory tenants,
      AuditTrail audit) {
    this.ledger = ledger;
    this.lines = lines;
    this.processor = processor;
    this.locks = locks;
    this.tenants = tenants;
    this.audit = audit;
  }

  @Override
  public void handle(EventEnvelope event, KafkaCoordinates where) {
    String hash = PayloadHash.of(event.payload());
    if (event.entity() != EntityType.SUPPLIER_INVOICE) {
      refuse(event, where, hash, "not a supplier invoice command: " + event.entity().wireName());
      return;
    }
    InvoiceCommand command;
    try {
      command = InvoiceCommand.from(event.payload());
    } catch (InvoiceCommand.InvalidCommandException e) {
      refuse(event, where, hash, "invalid invoice command: " + e.getMessage());
      return;
    }
    if (tenants.find(event.tenant()).isEmpty()) {
      refuse(event, where, hash, "unknown tenant " + event.tenant());
      return;
    }
    locks.withLock(event.tenant(), command.sysId(), () -> store(event, where, hash, command));
    processor.process(event.tenant(), command.sysId());
  }

  private Void store(
      EventEnvelope event, KafkaCoordinates where, String hash, InvoiceCommand command) {
    Optional<InvoiceRecord> known = ledger.find(event.tenant(), command.sysId());
    if (known.isPresent()) {
      InvoiceRecord stored = known.get();
      if (SourceVersion.isOlder(event.sourceVersion(), stored.sourceVersion())) {
        // A redelivery or an offset-reset replay of an older version: never acted on.
        audit.record(
            AuditEntry.of(event, AuditStage.SKIPPED_UNCHANGED, hash, where)
                .withError(
                    AuditStage.SKIPPED_UNCHANGED,
                    "version "
                        + event.sourceVersion()
                        + " is older than "
                        + stored.sourceVersion()
                        + "; not acted on"));
        return null;
      }
      boolean resubmitted =
          stored.status() == InvoiceStatus.PARKED
              || (stored.status().reopenable()
                  && SourceVersion.isNewer(event.sourceVersion(), stored.sourceVersion()));
      if (stored.commandHash().equals(hash) && !resubmitted) {
        if (stored.writeBack() == InvoiceRecord.WriteBack.PARKED) {
          // The operator replayed an invoice whose write-back was parked: try it again.
          ledger.writeBack(event.tenant(), command.sysId(), InvoiceRecord.WriteBack.PENDING, null);
          return null;
        }
        if (stored.status().settled()) {
          // A redelivery of a finished invoice: nothing to do but say so in the trail.
          audit.record(
              AuditEntry.of(event, AuditStage.SKIPPED_UNCHANGED, hash, where)
                  .withTarget(stored.voucher()));
        }
        return null; // otherwise processing continues where the invoice stands
      }
      if (stored.status() == InvoiceStatus.POSTED || stored.status() == InvoiceStatus.POSTING) {
        LOG.warnf("invoice %s changed after it went to QAD; change ignored", command.sysId());
        refuse(event, where, hash, "already in QAD as " + stored.voucher() + "; not re-sent");
        return null;
      }
    }
    NewInvoice row =
        new NewInvoice(
            event.tenant(),
            command.sysId(),
            command.invoiceNumber(),
            command.supplier(),
            command.invoiceReference(),
            command.post() ? "post" : "reject",
            hash,
            EnvelopeCodec.write(event),
            where,
            event.sourceVersion());
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              ledger.receive(row);
              lines.replace(event.tenant(), command.sysId(), command.lines());
              audit.record(AuditEntry.of(event, AuditStage.RECEIVED, hash, where));
            });
    return null;
  }

  /** A command nobody can act on: its audit row says why; the offset moves on. */
  private void refuse(EventEnvelope event, KafkaCoordinates where, String hash, String reason) {
    LOG.warnf("%s at %s: %s", event.sourceId(), where, reason);
    audit.record(
        AuditEntry.of(event, AuditStage.FAILED, hash, where).withError(AuditStage.FAILED, reason));
  }
}

package io.mlconnector.writer.qad.service;

import io.mlconnector.common.audit.AuditEntry;
import io.mlconnector.common.audit.AuditStage;
import io.mlconnector.common.audit.AuditTrail;
import io.mlconnector.common.event.EnvelopeCodec;
import io.mlconnector.common.event.EventEnvelope;
import io.mlconnector.writer.qad.ledger.InvoiceRecord;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Audit rows of an invoice, always under the command's trace id and Kafka coordinates, also when a
 * receipt or the recheck moves it on long after the command was read.
 */
@ApplicationScoped
public class InvoiceAudit {
  private final AuditTrail trail;

  public InvoiceAudit(AuditTrail trail) {
    this.trail = trail;
  }

  public void record(InvoiceRecord invoice, AuditStage stage, String targetId, String error) {
    EventEnvelope command = EnvelopeCodec.read(invoice.envelope());
    AuditEntry entry = AuditEntry.of(command, stage, invoice.commandHash(), invoice.where());
    if (targetId != null) {
      entry = entry.withTarget(targetId);
    }
    if (error != null) {
      entry = entry.withError(stage, error);
    }
    trail.record(entry);
  }
}

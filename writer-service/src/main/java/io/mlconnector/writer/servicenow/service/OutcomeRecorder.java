package io.mlconnector.writer.servicenow.service;

import io.mlconnector.common.audit.AuditEntry;
import io.mlconnector.common.audit.AuditStage;
import io.mlconnector.common.audit.AuditTrail;
import io.mlconnector.writer.servicenow.ledger.LedgerEntry;
import io.mlconnector.writer.servicenow.ledger.WriterLedger;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Makes a batch's outcomes durable before its offsets are committed: parked records are published
 * (acknowledged) first, then the ledger rows and the audit trail are written in one transaction.
 */
@ApplicationScoped
public class OutcomeRecorder {
  private final WriterLedger ledger;
  private final AuditTrail audit;
  private final ParkedRecords parked;

  public OutcomeRecorder(WriterLedger ledger, AuditTrail audit, ParkedRecords parked) {
    this.ledger = ledger;
    this.audit = audit;
    this.parked = parked;
  }

  public void record(List<RecordOutcome> outcomes) {
    parked.publish(outcomes.stream().filter(o -> o.stage() == AuditStage.PARKED).toList());
    QuarkusTransaction.requiringNew().run(() -> outcomes.forEach(this::store));
  }

  private void store(RecordOutcome o) {
    String tenant = o.record().event().tenant();
    if (o.command() != null && o.stage() == AuditStage.WRITTEN) {
      ledger.record(
          tenant,
          o.command().table(),
          new LedgerEntry(
              o.command().externalId(),
              o.sysId(),
              o.contentHash(),
              LedgerEntry.WRITTEN,
              o.record().event().sourceVersion()));
    } else if (o.command() != null && o.stage() == AuditStage.PARKED) {
      ledger.record(
          tenant,
          o.command().table(),
          new LedgerEntry(
              o.command().externalId(),
              null,
              o.contentHash(),
              LedgerEntry.PARKED,
              o.record().event().sourceVersion()));
    }
    AuditEntry entry =
        AuditEntry.of(o.record().event(), o.stage(), o.contentHash(), o.record().where());
    if (o.sysId() != null) {
      entry = entry.withTarget(o.sysId());
    }
    if (o.reason() != null) {
      entry = entry.withError(o.stage(), o.reason());
    }
    audit.record(entry);
  }
}

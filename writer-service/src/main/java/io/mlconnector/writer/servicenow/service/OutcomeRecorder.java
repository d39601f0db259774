package io.mlconnector.writer.servicenow.service;

import io.mlconnector.common.audit.AuditEntry;
import io.mlconnector.common.audit.AuditStage;
import io.mlconnector.common.audit.AuditTrail;
import io.mlconnector.writer.servicenow.ledger.LedgerEntry;
import io.mlconnector.writer.servicenow.ledger.WriterLedger;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
    List<WriterLedger.Row> ledgerRows = new ArrayList<>();
    List<AuditEntry> auditRows = new ArrayList<>();
    for (RecordOutcome o : outcomes) {
      ledgerRow(o).ifPresent(ledgerRows::add);
      auditRows.add(auditRow(o));
    }
    // One batch each, in one transaction: two round trips per poll, not two per record.
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              ledger.recordAll(ledgerRows);
              audit.recordAll(auditRows);
            });
  }

  private static Optional<WriterLedger.Row> ledgerRow(RecordOutcome o) {
    boolean written = o.stage() == AuditStage.WRITTEN;
    if (o.command() == null || (!written && o.stage() != AuditStage.PARKED)) {
      return Optional.empty();
    }
    return Optional.of(
        new WriterLedger.Row(
            o.record().event().tenant(),
            o.command().table(),
            new LedgerEntry(
                o.command().externalId(),
                written ? o.sysId() : null,
                o.contentHash(),
                written ? LedgerEntry.WRITTEN : LedgerEntry.PARKED,
                o.record().event().sourceVersion())));
  }

  private static AuditEntry auditRow(RecordOutcome o) {
    AuditEntry entry =
        AuditEntry.of(o.record().event(), o.stage(), o.contentHash(), o.record().where());
    if (o.sysId() != null) {
      entry = entry.withTarget(o.sysId());
    }
    if (o.reason() != null) {
      entry = entry.withError(o.stage(), o.reason());
    }
    return entry;
  }
}

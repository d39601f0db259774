package io.mlconnector.writer.qad;

import static org.awaitility.Awaitility.await;

import io.mlconnector.common.audit.AuditStage;
import io.mlconnector.common.audit.AuditTrail;
import io.mlconnector.writer.qad.ledger.InvoiceLedger;
import io.mlconnector.writer.qad.ledger.InvoiceRecord;
import io.mlconnector.writer.qad.ledger.InvoiceStatus;
import io.mlconnector.writer.qad.ledger.PoLine;
import io.mlconnector.writer.qad.ledger.ReceiptLedger;
import java.math.BigDecimal;
import java.time.Duration;

/** Waits for ledger states the tests then assert on. */
final class QadInvoiceAssertions {
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private QadInvoiceAssertions() {}

  static InvoiceRecord awaitStatus(
      InvoiceLedger ledger, String tenant, String sysId, InvoiceStatus status) {
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                ledger
                    .find(tenant, sysId)
                    .filter(r -> r.status() == status)
                    .filter(r -> !status.settled() || r.writeBack() == InvoiceRecord.WriteBack.DONE)
                    .isPresent());
    return ledger.find(tenant, sysId).orElseThrow();
  }

  static void awaitReceived(ReceiptLedger receipts, InvoiceScenario s, int quantity) {
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                receipts
                        .received(s.tenant, new PoLine(s.po, 1))
                        .compareTo(BigDecimal.valueOf(quantity))
                    >= 0);
  }

  static void awaitStage(AuditTrail audit, String tenant, String sysId, AuditStage stage, int n) {
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                audit.history(tenant, sysId).stream().filter(e -> e.stage() == stage).count() >= n);
  }
}

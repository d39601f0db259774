package io.mlconnector.writer.qad;

import static io.mlconnector.writer.qad.InvoicePostingTest.single;
import static io.mlconnector.writer.qad.QadInvoiceAssertions.awaitReceived;
import static io.mlconnector.writer.qad.QadInvoiceAssertions.awaitStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mlconnector.common.audit.AuditEntry;
import io.mlconnector.common.audit.AuditStage;
import io.mlconnector.common.audit.AuditTrail;
import io.mlconnector.common.event.EntityType;
import io.mlconnector.common.event.EventKey;
import io.mlconnector.common.event.Topics;
import io.mlconnector.writer.SamePartition;
import io.mlconnector.writer.qad.ledger.InvoiceLedger;
import io.mlconnector.writer.qad.ledger.InvoiceRecord;
import io.mlconnector.writer.qad.ledger.InvoiceStatus;
import io.mlconnector.writer.qad.ledger.ReceiptLedger;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(QadWriterTestStack.class)
class InvoiceFaultsTest {
  @Inject InvoiceLedger ledger;
  @Inject ReceiptLedger receipts;
  @Inject AuditTrail audit;

  @Test
  void crashAfterQadAcceptedAdoptsTheVoucherInsteadOfPostingAgain() throws Exception {
    InvoiceScenario s = readyScenario();
    String sysId = s.approve("REF-C", 10, "");
    CrashOnceAfterPost.arm(sysId);

    s.sendPost(sysId, "REF-C", 10, "");
    InvoiceRecord posted = awaitStatus(ledger, s.tenant, sysId, InvoiceStatus.POSTED);

    assertThat(posted.voucher()).isEqualTo(single(s.qadInvoices("REF-C")).voucher());
    assertThat(s.outbound(sysId)).containsEntry("erp_number", posted.voucher());
    assertThat(audit.history(s.tenant, sysId))
        .filteredOn(e -> e.stage() == AuditStage.WRITTEN)
        .extracting(AuditEntry::targetId)
        .containsExactly(posted.voucher());
  }

  @Test
  void invoiceQadRefusesFailsWithAMessageTheClerkCanRead() throws Exception {
    InvoiceScenario s = readyScenario();
    String inactive = InvoiceScenario.INACTIVE_COST_CENTER;
    String sysId = s.approve("REF-F", 10, inactive);

    s.sendPost(sysId, "REF-F", 10, inactive);
    InvoiceRecord failed = awaitStatus(ledger, s.tenant, sysId, InvoiceStatus.FAILED);

    assertThat(s.qadInvoices("REF-F")).isEmpty();
    assertThat(failed.reason())
        .startsWith("QAD refused the invoice: line 1:")
        .contains(inactive)
        .contains("INVALID_COST_CENTER");
    assertThat(s.outbound(sysId))
        .containsEntry("integration_status", "Error")
        .containsEntry("processing_message", failed.reason());
    assertThat(audit.history(s.tenant, sysId))
        .extracting(AuditEntry::stage)
        .contains(AuditStage.FAILED);
  }

  @Test
  void qadOutageIsRetriedAndPostsOnce() throws Exception {
    InvoiceScenario s = readyScenario();
    String sysId = s.approve("REF-S", 10, "");
    s.qad.faults().setServerErrorRate(1.0).setServerErrorStatus(503);

    s.sendPost(sysId, "REF-S", 10, "");
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                s.qad.counters().snapshot().values().stream().mapToLong(Long::longValue).sum()
                    >= 8);
    assertThat(ledger.find(s.tenant, sysId).orElseThrow().status().settled()).isFalse();
    s.qad.faults().clear();
    InvoiceRecord posted = awaitStatus(ledger, s.tenant, sysId, InvoiceStatus.POSTED);

    assertThat(single(s.qadInvoices("REF-S")).voucher()).isEqualTo(posted.voucher());
    assertThat(s.outbound(sysId)).containsEntry("integration_status", "Processed");
  }

  @Test
  void oneTenantsQadOutageDoesNotHoldBackAnotherTenantsInvoicesOnTheSamePartition()
      throws Exception {
    InvoiceScenario a = readyScenario();
    InvoiceScenario b = readyScenario();
    SamePartition partitions = SamePartition.of(Topics.QAD_INVOICE_POST);
    String aSysId = a.approve("REF-HA", 10, "");
    int partition = partitions.partitionOf(key(a, aSysId));
    String bReference = "REF-HB";
    String bSysId = b.approve(bReference, 10, "");
    for (int i = 0; partitions.partitionOf(key(b, bSysId)) != partition; i++) {
      bReference = "REF-HB" + i; // the clerk approves until one lines up with A's
      bSysId = b.approve(bReference, 10, "");
    }
    a.qad.faults().setServerErrorRate(1.0).setServerErrorStatus(503);

    a.sendPost(aSysId, "REF-HA", 10, "");
    await() // A's command met its down QAD
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                a.qad.counters().snapshot().values().stream().mapToLong(Long::longValue).sum()
                    >= 4);
    b.sendPost(bSysId, bReference, 10, "");

    // B is posted in B's QAD while A's QAD is still down, behind A's command on the partition.
    InvoiceRecord bPosted = awaitStatus(ledger, b.tenant, bSysId, InvoiceStatus.POSTED);
    assertThat(single(b.qadInvoices(bReference)).voucher()).isEqualTo(bPosted.voucher());
    assertThat(a.qadInvoices("REF-HA")).isEmpty();
    assertThat(ledger.find(a.tenant, aSysId).orElseThrow().status().settled()).isFalse();

    a.qad.faults().clear();
    InvoiceRecord aPosted = awaitStatus(ledger, a.tenant, aSysId, InvoiceStatus.POSTED);
    assertThat(single(a.qadInvoices("REF-HA")).voucher()).isEqualTo(aPosted.voucher());
    assertThat(a.outbound(aSysId)).containsEntry("integration_status", "Processed");
  }

  private static String key(InvoiceScenario s, String sysId) {
    return EventKey.of(s.tenant, EntityType.SUPPLIER_INVOICE, sysId);
  }

  /** A tenant whose PO line 1 has received 10, known to the receipt ledger. */
  private InvoiceScenario readyScenario() throws Exception {
    InvoiceScenario s = new InvoiceScenario();
    s.receive(10);
    s.publishReceiptEvents();
    awaitReceived(receipts, s, 10);
    return s;
  }
}

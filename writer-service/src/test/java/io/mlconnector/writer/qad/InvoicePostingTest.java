package io.mlconnector.writer.qad;

import static io.mlconnector.stack.ApiTokenFixtures.READ;
import static io.mlconnector.stack.ApiTokenFixtures.bearer;
import static io.mlconnector.writer.qad.QadInvoiceAssertions.awaitReceived;
import static io.mlconnector.writer.qad.QadInvoiceAssertions.awaitStage;
import static io.mlconnector.writer.qad.QadInvoiceAssertions.awaitStatus;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.mlconnector.common.audit.AuditEntry;
import io.mlconnector.common.audit.AuditStage;
import io.mlconnector.common.audit.AuditTrail;
import io.mlconnector.sandbox.qad.SupplierInvoice;
import io.mlconnector.writer.qad.ledger.InvoiceLedger;
import io.mlconnector.writer.qad.ledger.InvoiceRecord;
import io.mlconnector.writer.qad.ledger.InvoiceStatus;
import io.mlconnector.writer.qad.ledger.ReceiptLedger;
import io.mlconnector.writer.qad.messaging.AwaitingReceiptRecheck;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(QadWriterTestStack.class)
class InvoicePostingTest {
  @Inject InvoiceLedger ledger;
  @Inject ReceiptLedger receipts;
  @Inject AuditTrail audit;
  @Inject AwaitingReceiptRecheck recheck;

  @Test
  void receivedInvoiceIsPostedOnceMatchedAndWrittenBack() throws Exception {
    InvoiceScenario s = new InvoiceScenario();
    s.receive(10);
    s.publishReceiptEvents();
    awaitReceived(receipts, s, 10);
    String sysId = s.approve("REF-1", 10, "");

    s.sendPost(sysId, "REF-1", 10, "");
    InvoiceRecord posted = awaitStatus(ledger, s.tenant, sysId, InvoiceStatus.POSTED);

    SupplierInvoice inQad = single(s.qadInvoices("REF-1"));
    assertThat(inQad.status()).isEqualTo(SupplierInvoice.MATCHED);
    assertThat(posted.voucher()).isEqualTo(inQad.voucher());
    assertThat(posted.clearedFirstTime()).isTrue();
    assertThat(s.outbound(sysId))
        .containsEntry("integration_status", "Processed")
        .containsEntry("erp_number", inQad.voucher())
        .containsEntry("erp_posting_date", LocalDate.now(ZoneOffset.UTC).toString());
    List<AuditEntry> trail = audit.history(s.tenant, sysId);
    assertThat(trail)
        .extracting(AuditEntry::stage)
        .contains(AuditStage.RECEIVED, AuditStage.WRITTEN);
    AuditEntry written =
        trail.stream().filter(e -> e.stage() == AuditStage.WRITTEN).findFirst().get();
    assertThat(written.targetId()).isEqualTo(inQad.voucher());
    assertThat(written.kafka().topic()).isEqualTo("qad.invoice.post");
    given()
        .header("Authorization", bearer(READ))
        .get("/invoices/" + s.tenant + "?status=POSTED")
        .then()
        .statusCode(200)
        .body("", hasSize(1))
        .body("[0].voucher", equalTo(inQad.voucher()))
        .body("[0].clearedFirstTime", equalTo(true));
    assertThat(given().get("/q/metrics").asString())
        .contains("mlc_writer_qad_invoices_posted_total{tenant=\"" + s.tenant + "\"} 1.0");
  }

  @Test
  void invoiceWaitsForItsReceiptAndIsReleasedByTheReceiptEvent() throws Exception {
    InvoiceScenario s = new InvoiceScenario();
    String sysId = s.approve("REF-2", 10, "");

    s.sendPost(sysId, "REF-2", 10, "");
    awaitStatus(ledger, s.tenant, sysId, InvoiceStatus.AWAITING_RECEIPT);
    given()
        .header("Authorization", bearer(READ))
        .get("/invoices/" + s.tenant + "?status=AWAITING_RECEIPT")
        .then()
        .statusCode(200)
        .body("[0].sysId", equalTo(sysId))
        .body("[0].waitingOn", containsString(s.po + "/1: received 0"));
    assertThat(s.qadInvoices("REF-2")).isEmpty();
    assertThat(s.outbound(sysId)).containsEntry("integration_status", "New");

    s.receive(10);
    s.publishReceiptEvents();
    InvoiceRecord posted = awaitStatus(ledger, s.tenant, sysId, InvoiceStatus.POSTED);

    assertThat(single(s.qadInvoices("REF-2")).status()).isEqualTo(SupplierInvoice.MATCHED);
    assertThat(posted.clearedFirstTime()).isTrue();
    assertThat(s.outbound(sysId)).containsEntry("erp_number", posted.voucher());
    assertThat(audit.history(s.tenant, sysId))
        .extracting(AuditEntry::stage)
        .containsSubsequence(AuditStage.AWAITING_RECEIPT, AuditStage.WRITTEN);
    assertThat(given().get("/q/metrics").asString())
        .contains("mlc_writer_qad_invoices_released_total{tenant=\"" + s.tenant + "\"} 1.0");
  }

  @Test
  void theRecheckReleasesAnInvoiceWhoseReceiptEventWasMissed() throws Exception {
    InvoiceScenario s = new InvoiceScenario();
    String sysId = s.approve("REF-3", 6, "");
    s.sendPost(sysId, "REF-3", 6, "");
    awaitStatus(ledger, s.tenant, sysId, InvoiceStatus.AWAITING_RECEIPT);

    s.receive(6); // in QAD only: the poller's event never comes
    recheck.runOnce();

    InvoiceRecord posted = ledger.find(s.tenant, sysId).orElseThrow();
    assertThat(posted.status()).isEqualTo(InvoiceStatus.POSTED);
    assertThat(single(s.qadInvoices("REF-3")).status()).isEqualTo(SupplierInvoice.MATCHED);
    assertThat(s.outbound(sysId)).containsEntry("integration_status", "Processed");
  }

  @Test
  void rejectedInvoiceShowsErrorWithTheReasonInServiceNow() throws Exception {
    InvoiceScenario s = new InvoiceScenario();
    String sysId = s.approve("REF-4", 5, "CC999");
    String reason = "line 1: cost center CC999 does not exist in QAD";

    s.sendReject(sysId, reason);
    awaitStatus(ledger, s.tenant, sysId, InvoiceStatus.REJECTED);

    assertThat(s.outbound(sysId))
        .containsEntry("integration_status", "Error")
        .containsEntry("processing_message", reason);
    assertThat(s.qadInvoices("REF-4")).isEmpty();
    assertThat(audit.history(s.tenant, sysId))
        .extracting(AuditEntry::stage)
        .contains(AuditStage.RECEIVED, AuditStage.PARKED);
  }

  @Test
  void theSameCommandDeliveredThreeTimesPostsOneInvoice() throws Exception {
    InvoiceScenario s = new InvoiceScenario();
    s.receive(10);
    s.publishReceiptEvents();
    awaitReceived(receipts, s, 10);
    String sysId = s.approve("REF-5", 10, "");

    s.sendPost(sysId, "REF-5", 10, "");
    s.sendPost(sysId, "REF-5", 10, "");
    s.sendPost(sysId, "REF-5", 10, "");
    awaitStatus(ledger, s.tenant, sysId, InvoiceStatus.POSTED);
    awaitStage(audit, s.tenant, sysId, AuditStage.SKIPPED_UNCHANGED, 2);

    assertThat(s.qadInvoices("REF-5")).hasSize(1);
    assertThat(audit.history(s.tenant, sysId))
        .filteredOn(e -> e.stage() == AuditStage.WRITTEN)
        .hasSize(1);
  }

  static SupplierInvoice single(List<SupplierInvoice> invoices) {
    assertThat(invoices).hasSize(1);
    return invoices.get(0);
  }
}

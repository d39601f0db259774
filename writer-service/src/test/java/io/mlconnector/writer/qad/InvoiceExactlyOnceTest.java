package io.mlconnector.writer.qad;

import static io.mlconnector.sandbox.qad.FaultSwitches.SUPPLIER_INVOICE_POST;
import static io.mlconnector.writer.qad.InvoicePostingTest.single;
import static io.mlconnector.writer.qad.QadInvoiceAssertions.awaitReceived;
import static io.mlconnector.writer.qad.QadInvoiceAssertions.awaitStage;
import static io.mlconnector.writer.qad.QadInvoiceAssertions.awaitStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mlconnector.common.audit.AuditEntry;
import io.mlconnector.common.audit.AuditEntry.KafkaCoordinates;
import io.mlconnector.common.audit.AuditStage;
import io.mlconnector.common.audit.AuditTrail;
import io.mlconnector.common.event.EnvelopeCodec;
import io.mlconnector.common.event.EventEnvelope;
import io.mlconnector.common.event.PayloadHash;
import io.mlconnector.sandbox.http.LostAnswer;
import io.mlconnector.sandbox.qad.QadEntity;
import io.mlconnector.writer.qad.ledger.InvoiceLedger;
import io.mlconnector.writer.qad.ledger.InvoiceLedger.NewInvoice;
import io.mlconnector.writer.qad.ledger.InvoiceLines;
import io.mlconnector.writer.qad.ledger.InvoiceLines.InvoiceLine;
import io.mlconnector.writer.qad.ledger.InvoiceRecord;
import io.mlconnector.writer.qad.ledger.InvoiceRecord.WriteBack;
import io.mlconnector.writer.qad.ledger.InvoiceStatus;
import io.mlconnector.writer.qad.ledger.PoLine;
import io.mlconnector.writer.qad.ledger.ReceiptLedger;
import io.mlconnector.writer.qad.messaging.AwaitingReceiptRecheck;
import io.mlconnector.writer.qad.service.InvoiceProcessor;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The QAD side's exactly-once paths, judged by the QAD simulator's own invoice table: ambiguous
 * posts, two invoices racing for one PO line, resubmission, replay of older versions, transient
 * versus permanent QAD answers, and write-backs ServiceNow keeps refusing.
 */
@QuarkusTest
@QuarkusTestResource(QadWriterTestStack.class)
class InvoiceExactlyOnceTest {
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @Inject InvoiceLedger ledger;
  @Inject InvoiceLines lines;
  @Inject ReceiptLedger receipts;
  @Inject AuditTrail audit;
  @Inject InvoiceProcessor processor;
  @Inject AwaitingReceiptRecheck recheck;

  @Test
  void postWhoseAnswerWasLostIsLookedUpNotSentAgain() throws Exception {
    InvoiceScenario s = readyScenario(20);
    String truncated = s.approve("REF-LOST-1", 10, "");
    String badGateway = s.approve("REF-LOST-2", 10, "");

    // Every invoice POST is saved by QAD and its answer lost, for as long as the test runs.
    s.qad.faults().ambiguousWrites().set(SUPPLIER_INVOICE_POST, 1.0, LostAnswer.TRUNCATED);
    s.sendPost(truncated, "REF-LOST-1", 10, "");
    InvoiceRecord first = awaitStatus(ledger, s.tenant, truncated, InvoiceStatus.POSTED);
    s.qad.faults().ambiguousWrites().set(SUPPLIER_INVOICE_POST, 1.0, LostAnswer.BAD_GATEWAY);
    s.sendPost(badGateway, "REF-LOST-2", 10, "");
    InvoiceRecord second = awaitStatus(ledger, s.tenant, badGateway, InvoiceStatus.POSTED);
    s.qad.faults().clear();

    assertThat(single(s.qadInvoices("REF-LOST-1")).voucher()).isEqualTo(first.voucher());
    assertThat(single(s.qadInvoices("REF-LOST-2")).voucher()).isEqualTo(second.voucher());
    assertThat(s.outbound(truncated)).containsEntry("erp_number", first.voucher());
    assertThat(s.outbound(badGateway)).containsEntry("integration_status", "Processed");
  }

  @Test
  void twoInvoicesRacingForOnePoLinePostOnlyWhatWasReceived() throws Exception {
    InvoiceScenario s = readyScenario(10);
    String a = s.approve("REF-RACE-A", 10, "");
    String b = s.approve("REF-RACE-B", 10, "");
    store(s, s.postCommand(a, "REF-RACE-A", 10, "", "2025-02-01 10:00:00#a"));
    store(s, s.postCommand(b, "REF-RACE-B", 10, "", "2025-02-01 10:00:00#b"));
    // Both workers are inside the gate's QAD read at the same time.
    s.qad.faults().setLatencyMillis(400);

    CountDownLatch start = new CountDownLatch(1);
    CompletableFuture<Void> first = CompletableFuture.runAsync(() -> run(start, s, a));
    CompletableFuture<Void> second = CompletableFuture.runAsync(() -> run(start, s, b));
    start.countDown();
    CompletableFuture.allOf(first, second).get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    s.qad.faults().clear();

    int posted = s.qadInvoices("REF-RACE-A").size() + s.qadInvoices("REF-RACE-B").size();
    assertThat(posted).isEqualTo(1);
    assertThat(List.of(status(s, a), status(s, b)))
        .containsExactlyInAnyOrder(InvoiceStatus.POSTED, InvoiceStatus.AWAITING_RECEIPT);
  }

  @Test
  void clerkSettingAFailedInvoiceBackToNewIsANewAttempt() throws Exception {
    InvoiceScenario s = readyScenario(10);
    String inactive = InvoiceScenario.INACTIVE_COST_CENTER;
    String sysId = s.approve("REF-RESUB", 10, inactive);
    s.sendPost(sysId, "REF-RESUB", 10, inactive, "2025-02-01 10:00:00#same");
    awaitStatus(ledger, s.tenant, sysId, InvoiceStatus.FAILED);
    assertThat(s.outbound(sysId)).containsEntry("integration_status", "Error");

    // The cause is fixed in QAD; the clerk sets the invoice back to New: same content, newer row.
    s.qad.table(QadEntity.COST_CENTER).change(inactive, Map.of("cc_active", true), Instant.now());
    s.sendPost(sysId, "REF-RESUB", 10, inactive, "2025-02-01 10:05:00#same");
    InvoiceRecord posted = awaitStatus(ledger, s.tenant, sysId, InvoiceStatus.POSTED);

    assertThat(single(s.qadInvoices("REF-RESUB")).voucher()).isEqualTo(posted.voucher());
    assertThat(s.outbound(sysId)).containsEntry("integration_status", "Processed");
  }

  @Test
  void olderVersionOfAnInvoiceIsNeverPosted() throws Exception {
    InvoiceScenario s = readyScenario(10);
    String inactive = InvoiceScenario.INACTIVE_COST_CENTER;
    String sysId = s.approve("REF-OLD", 10, inactive);
    s.sendPost(sysId, "REF-OLD", 10, inactive, "2025-02-01 10:00:05#new");
    awaitStatus(ledger, s.tenant, sysId, InvoiceStatus.FAILED);

    // Replay of an older offset: the earlier version, which QAD would have accepted.
    s.sendPost(sysId, "REF-OLD", 10, "", "2025-02-01 10:00:00#old");
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                audit.history(s.tenant, sysId).stream()
                    .anyMatch(e -> e.error() != null && e.error().contains("older than")));

    assertThat(s.qadInvoices("REF-OLD")).isEmpty();
    assertThat(status(s, sysId)).isEqualTo(InvoiceStatus.FAILED);
    assertThat(s.outbound(sysId)).containsEntry("integration_status", "Error");
  }

  @Test
  void transientRefusalsOfThePostAreRetriedNotFailed() throws Exception {
    InvoiceScenario s = readyScenario(10);
    String sysId = s.approve("REF-409", 10, "");
    s.qad.faults().setRefusedWrites(2).setRefusedWriteStatus(409);

    s.sendPost(sysId, "REF-409", 10, "");
    InvoiceRecord posted = awaitStatus(ledger, s.tenant, sysId, InvoiceStatus.POSTED);

    assertThat(single(s.qadInvoices("REF-409")).voucher()).isEqualTo(posted.voucher());
    assertThat(s.qad.faults().getRefusedWrites()).isZero();
    assertThat(audit.history(s.tenant, sysId))
        .extracting(AuditEntry::stage)
        .doesNotContain(AuditStage.FAILED);
  }

  @Test
  void aReadQadRefusesParksTheInvoiceWithTheReasonAndAReplayPostsIt() throws Exception {
    InvoiceScenario s = readyScenario(20);
    String warmUp = s.approve("REF-TOKEN", 10, "");
    s.sendPost(warmUp, "REF-TOKEN", 10, "");
    awaitStatus(ledger, s.tenant, warmUp, InvoiceStatus.POSTED); // the writer holds a QAD token
    String sysId = s.approve("REF-400", 10, "");
    s.qad.faults().setServerErrorRate(1.0).setServerErrorStatus(400);

    s.sendPost(sysId, "REF-400", 10, "", "2025-02-01 10:00:00#p");
    await().atMost(PATIENCE).until(() -> status(s, sysId) == InvoiceStatus.PARKED);
    InvoiceRecord parked = ledger.find(s.tenant, sysId).orElseThrow();
    assertThat(parked.reason()).contains("HTTP 400");
    assertThat(parked.writeBack()).isEqualTo(WriteBack.NONE);
    awaitStage(audit, s.tenant, sysId, AuditStage.PARKED, 1);
    assertThat(s.qadInvoices("REF-400")).isEmpty();

    s.qad.faults().clear();
    s.sendPost(sysId, "REF-400", 10, "", "2025-02-01 10:00:00#p"); // the console's replay
    InvoiceRecord posted = awaitStatus(ledger, s.tenant, sysId, InvoiceStatus.POSTED);
    assertThat(single(s.qadInvoices("REF-400")).voucher()).isEqualTo(posted.voucher());
  }

  @Test
  void writeBackServiceNowKeepsRefusingIsParkedAfterTheBound() throws Exception {
    InvoiceScenario s = readyScenario(10);
    String sysId = s.approve("REF-GONE", 10, "");
    s.sn
        .rows()
        .delete(
            io.mlconnector.sandbox.servicenow.clerk.AccountsPayableClerk.OUTBOUND_INVOICE, sysId);

    s.sendPost(sysId, "REF-GONE", 10, "");
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                ledger.find(s.tenant, sysId).map(InvoiceRecord::writeBackAttempts).orElse(0) == 1);
    recheck.runOnce();

    InvoiceRecord now = ledger.find(s.tenant, sysId).orElseThrow();
    assertThat(now.status()).isEqualTo(InvoiceStatus.POSTED);
    assertThat(now.writeBack()).isEqualTo(WriteBack.PARKED);
    assertThat(now.writeBackError()).contains("refused the status write-back");
    assertThat(audit.history(s.tenant, sysId))
        .filteredOn(e -> e.stage() == AuditStage.PARKED)
        .isNotEmpty();
    recheck.runOnce(); // parked: not tried again
    assertThat(ledger.find(s.tenant, sysId).orElseThrow().writeBackAttempts()).isEqualTo(2);
  }

  @Test
  void pendingWriteBacksAreRetriedEvenWhenTheRecheckCannotReadQad() throws Exception {
    InvoiceScenario s = readyScenario(10);
    String waiting = s.approve("REF-WAIT", 30, "");
    String posted = s.approve("REF-TELL", 10, "");
    s.sn.faults().serverErrors(1.0, 503);
    s.sendPost(waiting, "REF-WAIT", 30, "");
    s.sendPost(posted, "REF-TELL", 10, "");
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                status(s, waiting) == InvoiceStatus.AWAITING_RECEIPT
                    && ledger
                        .find(s.tenant, posted)
                        .filter(r -> r.status() == InvoiceStatus.POSTED)
                        .filter(r -> r.writeBack() == WriteBack.PENDING)
                        .isPresent());

    s.sn.faults().clear();
    s.qad.faults().setServerErrorRate(1.0).setServerErrorStatus(503);
    recheck.runOnce();
    s.qad.faults().clear();

    assertThat(ledger.find(s.tenant, posted).orElseThrow().writeBack()).isEqualTo(WriteBack.DONE);
    assertThat(s.outbound(posted)).containsEntry("integration_status", "Processed");
  }

  private void run(CountDownLatch start, InvoiceScenario s, String sysId) {
    try {
      start.await();
      processor.process(s.tenant, sysId);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stores a command as the consumer would, without processing it. */
  private void store(InvoiceScenario s, EventEnvelope command) {
    var cmd = command.payload();
    String sysId = command.sourceId();
    ledger.receive(
        new NewInvoice(
            s.tenant,
            sysId,
            cmd.path("invoiceNumber").asText(),
            cmd.path("supplierInvoice").path("supplier").asText(),
            cmd.path("supplierInvoice").path("invoiceReference").asText(),
            "post",
            PayloadHash.of(cmd),
            EnvelopeCodec.write(command),
            new KafkaCoordinates("qad.invoice.post", 0, 0),
            command.sourceVersion()));
    lines.replace(
        s.tenant, sysId, List.of(new InvoiceLine(1, new PoLine(s.po, 1), new BigDecimal("10"))));
  }

  private InvoiceStatus status(InvoiceScenario s, String sysId) {
    return ledger.find(s.tenant, sysId).map(InvoiceRecord::status).orElse(null);
  }

  /** A tenant whose PO line 1 has received {@code quantity}, known to the receipt ledger. */
  private InvoiceScenario readyScenario(int quantity) throws Exception {
    InvoiceScenario s = new InvoiceScenario();
    s.receive(quantity);
    s.publishReceiptEvents();
    awaitReceived(receipts, s, quantity);
    return s;
  }
}

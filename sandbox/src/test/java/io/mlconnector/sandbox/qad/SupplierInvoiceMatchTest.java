package io.mlconnector.sandbox.qad;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Supplier invoice creation over HTTP: three-way match outcomes, duplicates, reads, errors. */
class SupplierInvoiceMatchTest {
  private static final String INVOICES = "/api/erp/supplierInvoices";
  private QadSimulator qad;
  private QadTenant tenant;
  private QadTestClient client;
  private String po;

  @BeforeEach
  void start() {
    qad = QadSimulator.start(0);
    tenant = qad.addTenant("acme");
    QadFixtures.masterData(tenant);
    po = QadFixtures.purchaseOrder(tenant); // line 1: 10 @ 5.00, line 2: 4 @ 100.00
    client = new QadTestClient(qad, tenant.config()).login();
  }

  @AfterEach
  void stop() {
    qad.close();
  }

  private void receive(int line, String quantity) {
    tenant.receiving().receive(po, Map.of(line, new BigDecimal(quantity)));
  }

  private JsonNode post(String reference, Object... lines) {
    QadTestClient.Reply reply =
        client.postJson(INVOICES, QadFixtures.invoiceJson(reference, po, lines));
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json();
  }

  @Test
  void receivedLinesAtPoPriceClearAndGetAVoucher() {
    receive(1, "10");
    receive(2, "4");
    JsonNode result = post("INV-1", 1, 10, "5.00", 2, 4, "100.00");
    assertThat(result.at("/submitResult/success").asBoolean()).isTrue();
    assertThat(result.at("/submitResult/errors")).isEmpty();
    assertThat(result.at("/submitResult/warnings")).isEmpty();
    JsonNode invoice = result.at("/supplierInvoices/0");
    assertThat(invoice.get("voucher").asText()).isEqualTo("V0000001");
    assertThat(invoice.get("status").asText()).isEqualTo("Matched");
    assertThat(invoice.get("matched").asBoolean()).isTrue();
    assertThat(invoice.get("totalAmount").decimalValue()).isEqualByComparingTo("450");
    assertThat(invoice.at("/lines/0/matchStatus").asText()).isEqualTo("CLEARED");
    assertThat(tenant.invoices().voucheredQuantity(po, 1)).isEqualByComparingTo("10");
  }

  @Test
  void invoiceBeforeItsReceiptIsSavedAsInitialAndUnmatched() {
    JsonNode result = post("INV-2", 1, 10, "5.00");
    assertThat(result.at("/submitResult/success").asBoolean()).isTrue();
    JsonNode warning = result.at("/submitResult/warnings/0");
    assertThat(warning.get("code").asText()).isEqualTo("NO_RECEIPT");
    assertThat(warning.get("fieldName").asText()).isEqualTo("lines[0]");
    assertThat(warning.get("fieldValue").asText()).isEqualTo(po + "/1");
    JsonNode invoice = result.at("/supplierInvoices/0");
    assertThat(invoice.get("status").asText()).isEqualTo("Initial");
    assertThat(invoice.get("matched").asBoolean()).isFalse();
    assertThat(invoice.at("/lines/0/matchStatus").asText()).isEqualTo("NO_RECEIPT");
    assertThat(tenant.invoices().voucheredQuantity(po, 1)).isZero();
  }

  @Test
  void moreThanReceivedAndNotYetVoucheredDoesNotClear() {
    receive(1, "6");
    JsonNode over = post("INV-3", 1, 10, "5.00");
    assertThat(over.at("/supplierInvoices/0/status").asText()).isEqualTo("Initial");
    assertThat(over.at("/supplierInvoices/0/lines/0/matchStatus").asText())
        .isEqualTo("INSUFFICIENT_RECEIPT");
    assertThat(over.at("/supplierInvoices/0/lines/0/quantityVariance").decimalValue())
        .isEqualByComparingTo("4");

    assertThat(post("INV-4", 1, 6, "5.00").at("/supplierInvoices/0/status").asText())
        .isEqualTo("Matched");
    // the six received are vouchered now: one more is short again
    JsonNode again = post("INV-5", 1, 1, "5.00");
    assertThat(again.at("/submitResult/warnings/0/code").asText())
        .isEqualTo("INSUFFICIENT_RECEIPT");
  }

  @Test
  void priceBeyondToleranceIsAVarianceWithinToleranceClears() {
    receive(2, "4");
    JsonNode beyond = post("INV-6", 2, 2, "110.00"); // +10% against 5% tolerance
    assertThat(beyond.at("/supplierInvoices/0/status").asText()).isEqualTo("Variance");
    assertThat(beyond.at("/supplierInvoices/0/matched").asBoolean()).isFalse();
    assertThat(beyond.at("/supplierInvoices/0/lines/0/priceVariance").decimalValue())
        .isEqualByComparingTo("20");
    assertThat(beyond.at("/submitResult/warnings/0/code").asText())
        .isEqualTo("RATE_VARIANCE_EXCEEDS_TOLERANCE");

    JsonNode within = post("INV-7", 2, 2, "104.00");
    assertThat(within.at("/supplierInvoices/0/status").asText()).isEqualTo("Matched");
    assertThat(within.at("/supplierInvoices/0/lines/0/matchStatus").asText())
        .isEqualTo("CLEARED_WITH_VARIANCE");

    tenant.tolerance(MatchTolerance.of(15, 0));
    assertThat(post("INV-8", 2, 2, "110.00").at("/supplierInvoices/0/status").asText())
        .isEqualTo("Matched");
  }

  @Test
  void quantityToleranceLetsASmallOverInvoiceClear() {
    receive(1, "10");
    tenant.tolerance(MatchTolerance.of(5, 10));
    JsonNode result = post("INV-9", 1, 11, "5.00");
    assertThat(result.at("/supplierInvoices/0/lines/0/matchStatus").asText())
        .isEqualTo("CLEARED_WITH_VARIANCE");
  }

  @Test
  void duplicateReferenceOnlyWarnsAndCreatesASecondInvoice() {
    receive(1, "10");
    JsonNode first = post("INV-DUP", 1, 5, "5.00");
    JsonNode second = post("INV-DUP", 1, 5, "5.00");
    assertThat(second.at("/submitResult/success").asBoolean()).isTrue();
    JsonNode warning = second.at("/submitResult/warnings/0");
    assertThat(warning.get("code").asText()).isEqualTo("DUPLICATE_INVOICE_REFERENCE");
    assertThat(warning.get("fieldName").asText()).isEqualTo("invoiceReference");
    assertThat(warning.get("message").asText()).contains("V0000001");
    assertThat(second.at("/supplierInvoices/0/voucher").asText())
        .isNotEqualTo(first.at("/supplierInvoices/0/voucher").asText());

    JsonNode found =
        client.get(INVOICES, "supplier", QadFixtures.SUPPLIER, "reference", "INV-DUP").json();
    assertThat(found.get("supplierInvoices")).hasSize(2);
    JsonNode byVoucher = client.get(INVOICES + "/V0000002").json();
    assertThat(byVoucher.at("/supplierInvoices/0/invoiceReference").asText()).isEqualTo("INV-DUP");
    assertThat(byVoucher.at("/supplierInvoices/0/status").asText()).isEqualTo("Matched");
    assertThat(client.get(INVOICES + "/V9999999").status()).isEqualTo(404);
  }

  @Test
  void brokenReferencesRejectTheInvoiceWithFieldErrors() {
    receive(1, "10");
    String inactiveCostCenter =
        QadFixtures.invoiceJson("INV-ERR", po, 1, 1, "5.00").replace("CC100", "CC999");
    QadTestClient.Reply reply = client.postJson(INVOICES, inactiveCostCenter);
    assertThat(reply.status()).isEqualTo(400);
    JsonNode error = reply.json().at("/submitResult/errors/0");
    assertThat(error.get("code").asText()).isEqualTo("INVALID_COST_CENTER");
    assertThat(error.get("fieldName").asText()).isEqualTo("lines[0].costCenter");
    assertThat(error.get("fieldValue").asText()).isEqualTo("CC999");
    assertThat(reply.json().at("/submitResult/success").asBoolean()).isFalse();

    QadTestClient.Reply unknownLine =
        client.postJson(INVOICES, QadFixtures.invoiceJson("INV-ERR", po, 9, 1, "5.00"));
    assertThat(unknownLine.json().at("/submitResult/errors/0/code").asText())
        .isEqualTo("UNKNOWN_PO_LINE");
    QadTestClient.Reply garbage = client.postJson(INVOICES, "{not json");
    assertThat(garbage.status()).isEqualTo(400);
    assertThat(tenant.invoices().all()).isEmpty();
  }
}

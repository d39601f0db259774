package io.mlconnector.qadclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.sandbox.http.LostAnswer;
import io.mlconnector.sandbox.qad.FaultSwitches;
import io.mlconnector.sandbox.qad.NewPurchaseOrder;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SupplierInvoiceClientTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final SandboxQad sandbox = new SandboxQad("invoices", Duration.ofHours(1));
  private final QadClient client = sandbox.client();

  @AfterEach
  void close() {
    sandbox.close();
  }

  private String receivedPurchaseOrder() {
    String po =
        sandbox
            .qad
            .purchasing()
            .create(
                new NewPurchaseOrder(
                    null,
                    "S00001",
                    null,
                    "buyer1",
                    null,
                    List.of(
                        new NewPurchaseOrder.Line(
                            "P-1",
                            "Hex bolt",
                            new BigDecimal("10"),
                            new BigDecimal("5.00"),
                            "EA",
                            "5000",
                            "0000",
                            "CC100",
                            "",
                            null))));
    sandbox.qad.receiving().receive(po, Map.of(1, new BigDecimal("10")));
    return po;
  }

  private ObjectNode invoice(String reference, String po, String supplier) {
    ObjectNode inv = JSON.createObjectNode();
    inv.put("supplier", supplier)
        .put("invoiceReference", reference)
        .put("invoiceDate", "2025-02-01")
        .put("currency", currencyOf(supplier));
    inv.putArray("lines")
        .addObject()
        .put("poNumber", po)
        .put("poLine", 1)
        .put("quantity", 10)
        .put("unitPrice", 5.00)
        .put("glAccount", "5000")
        .put("costCenter", "CC100")
        .put("subAccount", "0000");
    return inv;
  }

  private String currencyOf(String supplier) {
    return sandbox
        .qad
        .table(io.mlconnector.sandbox.qad.QadEntity.SUPPLIER)
        .find(supplier)
        .map(r -> r.text("vd_curr"))
        .orElse("USD");
  }

  @Test
  void createsAnInvoiceAndFindsItByReferenceAndByVoucher() {
    String po = receivedPurchaseOrder();

    var created = client.createSupplierInvoice(invoice("INV-1", po, "S00001"));

    assertThat(created.voucher()).isNotBlank();
    assertThat(created.status()).isEqualTo("Matched");
    List<JsonNode> byReference = client.findSupplierInvoices("S00001", "INV-1");
    assertThat(byReference)
        .extracting(n -> n.path("voucher").asText())
        .containsExactly(created.voucher());
    assertThat(client.findSupplierInvoice(created.voucher()))
        .get()
        .satisfies(n -> assertThat(n.path("invoiceReference").asText()).isEqualTo("INV-1"));
    assertThat(client.findSupplierInvoice("V9999999")).isEmpty();
  }

  @Test
  void duplicateReferenceComesBackAsAWarning() {
    String po = receivedPurchaseOrder();
    client.createSupplierInvoice(invoice("INV-2", po, "S00001"));

    var second = client.createSupplierInvoice(invoice("INV-2", po, "S00001"));

    assertThat(second.warnings())
        .extracting(FieldError::code)
        .contains("DUPLICATE_INVOICE_REFERENCE");
  }

  @Test
  void rejectedInvoiceIsATypedErrorWithFieldErrors() {
    String po = receivedPurchaseOrder();
    assertThatThrownBy(() -> client.createSupplierInvoice(invoice("INV-3", po, "S99999")))
        .isInstanceOfSatisfying(
            QadRejectedException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.errors()).extracting(FieldError::code).contains("UNKNOWN_SUPPLIER");
            });
  }

  @Test
  void postWhoseTruncatedAnswerWasLostIsNotSentAgain() {
    String po = receivedPurchaseOrder();
    client.findSupplierInvoices("S00001", "none"); // logged in
    sandbox
        .qad
        .faults()
        .ambiguousWrites()
        .set(FaultSwitches.SUPPLIER_INVOICE_POST, 1.0, LostAnswer.TRUNCATED);

    assertThatThrownBy(() -> client.createSupplierInvoice(invoice("INV-4", po, "S00001")))
        .isInstanceOf(QadOutcomeUnknownException.class)
        .hasMessageContaining("not re-sent");

    assertThat(sandbox.calls("POST /api/erp/supplierInvoices")).isEqualTo(1);
    assertThat(sandbox.qad.invoices().find("S00001", "INV-4")).hasSize(1);
  }

  @Test
  void postAnswered502AfterItWasAppliedIsNotSentAgain() {
    String po = receivedPurchaseOrder();
    client.findSupplierInvoices("S00001", "none");
    sandbox
        .qad
        .faults()
        .ambiguousWrites()
        .set(FaultSwitches.SUPPLIER_INVOICE_POST, 1.0, LostAnswer.BAD_GATEWAY);

    assertThatThrownBy(() -> client.createSupplierInvoice(invoice("INV-5", po, "S00001")))
        .isInstanceOf(QadOutcomeUnknownException.class)
        .hasMessageContaining("HTTP 502");

    assertThat(sandbox.qad.invoices().find("S00001", "INV-5")).hasSize(1);
    assertThat(client.findSupplierInvoices("S00001", "INV-5")).hasSize(1);
  }

  @Test
  void postWhoseConnectionWasResetAfterItWasAppliedIsNotSentAgain() {
    String po = receivedPurchaseOrder();
    client.findSupplierInvoices("S00001", "none");
    sandbox
        .qad
        .faults()
        .ambiguousWrites()
        .set(FaultSwitches.SUPPLIER_INVOICE_POST, 1.0, LostAnswer.RESET);

    assertThatThrownBy(() -> client.createSupplierInvoice(invoice("INV-7", po, "S00001")))
        .isInstanceOf(QadOutcomeUnknownException.class);

    assertThat(sandbox.qad.invoices().find("S00001", "INV-7")).hasSize(1);
  }

  @Test
  void postRefusedWith429IsSentAgainAfterTheWait() {
    String po = receivedPurchaseOrder();
    client.findSupplierInvoices("S00001", "none");
    sandbox.qad.faults().setThrottleRequests(1).setRetryAfterSeconds(2);

    var created = client.createSupplierInvoice(invoice("INV-6", po, "S00001"));

    assertThat(sandbox.qad.invoices().find("S00001", "INV-6"))
        .extracting(i -> i.voucher())
        .containsExactly(created.voucher());
  }
}

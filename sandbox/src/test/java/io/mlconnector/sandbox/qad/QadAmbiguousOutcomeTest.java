package io.mlconnector.sandbox.qad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The supplier-invoice POST with its answer lost after QAD saved the invoice: every mode leaves the
 * invoice in QAD while the client learns nothing (or something unreadable).
 */
class QadAmbiguousOutcomeTest {
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private QadSimulator qad;
  private QadTenant tenant;
  private QadTestClient client;
  private String po;

  @BeforeEach
  void start() {
    qad = QadSimulator.start(0);
    tenant = qad.addTenant("acme");
    QadFixtures.masterData(tenant);
    po = QadFixtures.purchaseOrder(tenant);
    client = new QadTestClient(qad, tenant.config()).login();
  }

  @AfterEach
  void stop() {
    qad.close();
  }

  /** Switches the fault through the admin API, as a harness in another process does. */
  private void lose(String mode, long timeoutMs) {
    QadTestClient.Reply reply =
        client.admin(
            "PUT",
            "/faults/ambiguous",
            "{\"endpoint\":\"supplier_invoice_post\",\"rate\":1.0,\"mode\":\""
                + mode
                + "\",\"timeoutMs\":"
                + timeoutMs
                + "}");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
  }

  private HttpResponse<String> post(String reference, Duration timeout)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(qad.tenantUrl("acme") + "/api/erp/supplierInvoices"))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + client.accessToken)
            .header(ApiGuard.WORKSPACE_HEADER, tenant.config().workspaceId())
            .timeout(timeout)
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    QadFixtures.invoiceJson(reference, po, 1, 1, "5.00")))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void resetClosesTheConnectionAfterTheInvoiceIsSaved() {
    lose("RESET", 0);
    assertThatThrownBy(() -> post("AMB-1", Duration.ofSeconds(5))).isInstanceOf(IOException.class);
    assertThat(tenant.invoices().find(null, "AMB-1")).hasSize(1);
  }

  @Test
  void timeoutAnswersNothingInTimeButTheInvoiceIsSaved() {
    lose("TIMEOUT", 3000);
    assertThatThrownBy(() -> post("AMB-2", Duration.ofMillis(500)))
        .isInstanceOf(HttpTimeoutException.class);
    assertThat(tenant.invoices().find(null, "AMB-2")).hasSize(1);
  }

  @Test
  void badGatewayAndTruncatedBodyHideASavedInvoice() throws Exception {
    lose("BAD_GATEWAY", 0);
    HttpResponse<String> gateway = post("AMB-3", Duration.ofSeconds(5));
    assertThat(gateway.statusCode()).isEqualTo(502);
    assertThat(gateway.body()).contains("Bad Gateway");

    lose("TRUNCATED", 0);
    HttpResponse<String> truncated = post("AMB-4", Duration.ofSeconds(5));
    assertThat(truncated.statusCode()).isEqualTo(200);
    assertThatThrownBy(() -> QadTestClient.JSON.readTree(truncated.body()))
        .isInstanceOf(IOException.class);

    assertThat(tenant.invoices().find(null, "AMB-3")).hasSize(1);
    assertThat(tenant.invoices().find(null, "AMB-4")).hasSize(1);
    assertThat(client.admin("GET", "/faults/ambiguous", null).body())
        .contains("supplier_invoice_post:BAD_GATEWAY\":1", "supplier_invoice_post:TRUNCATED\":1");
  }

  @Test
  void refusedInvoicesAndClearedSwitchesAnswerNormally() throws Exception {
    lose("RESET", 0);
    client.admin("DELETE", "/faults", null);
    HttpResponse<String> ok = post("AMB-5", Duration.ofSeconds(5));
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body()).contains("\"success\":true");
  }
}

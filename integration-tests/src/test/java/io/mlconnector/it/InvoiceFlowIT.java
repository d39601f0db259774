package io.mlconnector.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlconnector.sandbox.SandboxLandscape;
import io.mlconnector.sandbox.qad.QadEntity;
import io.mlconnector.sandbox.qad.QadTenant;
import io.mlconnector.sandbox.servicenow.ServiceNowInstance;
import io.mlconnector.stack.ApiTokenFixtures;
import io.mlconnector.stack.TenantFixtures;
import io.mlconnector.stack.fleet.DemoInvoices;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * ServiceNow → QAD end to end with every service as its own process: approved invoices are posted
 * only after their receipts, miscoded ones parked and later replayed, duplicates never reach QAD
 * twice, and a writer killed between the QAD post and its ledger update posts nothing twice.
 */
class InvoiceFlowIT {
  private static final String TOKEN = ApiTokenFixtures.ADMIN;
  private static final Duration TIMEOUT = Duration.ofMinutes(3);
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void invoicesPostAfterReceiptsParkWithReasonsReplayAndNeverDuplicate() throws Exception {
    String tenant = "it-inv";
    try (SandboxLandscape sandbox = SandboxLandscape.start(List.of(tenant), 1);
        RunningFleet fleet = new RunningFleet(env())) {
      fleet.start(List.of("qad-poller", "mapper-service", "writer-service", "console"));
      // Receipts before invoices: the ServiceNow poller asks the QAD poller to sync first.
      fleet.startService(
          "servicenow-poller",
          Map.of(
              "MLC_SERVICENOW_RECEIPT_SYNC_URL",
              fleet.service("qad-poller").baseUri().toString(),
              "MLC_SERVICENOW_RECEIPT_SYNC_TOKEN",
              ApiTokenFixtures.OPERATE));
      fleet.awaitReady(fleet.service("servicenow-poller"));
      fleet.registerForThisTest(TenantFixtures.sandboxTenant(sandbox.tenants().get(0), false));
      QadTenant qad = sandbox.qad().tenant(tenant);
      ServiceNowInstance sn = sandbox.servicenow().instance(tenant);

      post(fleet, "qad-poller", "/polls/" + tenant + "/run");
      int costCenters = qad.table(QadEntity.COST_CENTER).size();
      fleet.awaitCostCentersMapped(tenant, costCenters, TIMEOUT);
      DemoInvoices.Held held = new DemoInvoices(sandbox).approve(tenant);
      JsonNode run = post(fleet, "servicenow-poller", "/polls/" + tenant + "/run");
      // The receipt sync's REST client reached the real qad-poller, with its operate token.
      assertThat(run.path("receiptSync").asText()).isEqualTo("synced");

      awaitStatus(fleet, tenant, "INV-it-inv-2", "AWAITING_RECEIPT");
      awaitSnStatus(sn, "INV-it-inv-1", "Processed");
      awaitSnStatus(sn, "INV-it-inv-3", "Error");
      assertThat(snRow(sn, "INV-it-inv-3").orElseThrow().get("processing_message"))
          .contains("cost center CC-SN-ONLY does not exist in QAD");
      Map<String, String> first = snRow(sn, "INV-it-inv-1").orElseThrow();
      assertThat(qad.invoices().all()).hasSize(1);
      assertThat(qad.invoices().all().get(0).voucher()).isEqualTo(first.get("erp_number"));
      assertThat(qad.invoices().all().get(0).status()).isEqualTo("Matched");

      qad.receiving().receive(held.poNumber(), Map.of(held.line(), held.quantity()));
      post(fleet, "qad-poller", "/polls/" + tenant + "/run");
      awaitSnStatus(sn, "INV-it-inv-2", "Processed");

      String parkedSysId = snRow(sn, "INV-it-inv-3").orElseThrow().get("sys_id");
      String goodCostCenter = qad.invoices().all().get(0).lines().get(0).costCenter();
      put(
          fleet,
          "mapper-service",
          "/dimensions/" + tenant + "/mappings/cost-center/CC-SN-ONLY",
          "{\"qadCode\":\"" + goodCostCenter + "\"}");
      post(
          fleet,
          "console",
          "/parked/" + tenant + "/replay?entity=supplier-invoice&sourceId=" + parkedSysId);
      awaitSnStatus(sn, "INV-it-inv-3", "Processed");

      // The record's trail across the fleet, queried by its external id in the console.
      String firstSysId = first.get("sys_id");
      List<String> stages = new java.util.ArrayList<>();
      get(fleet, "console", "/audit/" + tenant + "/" + firstSysId)
          .forEach(r -> stages.add(r.get("service").asText() + ":" + r.get("stage").asText()));
      assertThat(stages)
          .contains(
              "servicenow_poller:POLLED", "mapper:RECEIVED", "mapper:MAPPED", "writer:WRITTEN");

      // Four approvals (one a duplicate reference): three distinct invoices in QAD, all matched.
      assertThat(qad.invoices().all()).hasSize(3);
      assertThat(qad.invoices().all()).allSatisfy(i -> assertThat(i.status()).isEqualTo("Matched"));

      // A writer killed right after QAD accepted an invoice, before its ledger update.
      fleet.service("writer-service").kill();
      fleet.startService("writer-service", Map.of("MLC_WRITER_QAD_FAULT_HALT_AFTER_POST", "true"));
      fleet.awaitReady(fleet.service("writer-service"));
      sn.apClerk()
          .approveInvoice(new DemoInvoices(sandbox).receivedInvoice(tenant, "INV-it-inv-5"));
      post(fleet, "servicenow-poller", "/polls/" + tenant + "/run");
      await()
          .atMost(TIMEOUT)
          .until(() -> fleet.service("writer-service").readiness().equals("EXITED"));
      assertThat(qad.invoices().all()).hasSize(4);
      fleet.startService("writer-service");
      fleet.awaitReady(fleet.service("writer-service"));
      awaitSnStatus(sn, "INV-it-inv-5", "Processed");
      assertThat(qad.invoices().all()).hasSize(4);
    }
  }

  private static Map<String, String> env() {
    return Map.of("MLC_QAD_SCHEDULING_ENABLED", "false");
  }

  private static Optional<Map<String, String>> snRow(ServiceNowInstance sn, String number) {
    return sn.rows().snapshot("sn_spend_intg_outbound_invoice").stream()
        .filter(r -> number.equals(r.get("invoice_number")))
        .findFirst();
  }

  private static void awaitSnStatus(ServiceNowInstance sn, String number, String status) {
    await()
        .atMost(TIMEOUT)
        .alias(number + " in ServiceNow " + status)
        .until(
            () ->
                snRow(sn, number)
                    .map(r -> status.equals(r.get("integration_status")))
                    .orElse(false));
  }

  private void awaitStatus(RunningFleet fleet, String tenant, String number, String status) {
    await()
        .atMost(TIMEOUT)
        .alias(number + " " + status)
        .until(
            () -> {
              for (JsonNode i : get(fleet, "writer-service", "/invoices/" + tenant)) {
                if (number.equals(i.path("invoiceNumber").asText())
                    && status.equals(i.path("status").asText())) {
                  return true;
                }
              }
              return false;
            });
  }

  private JsonNode get(RunningFleet fleet, String service, String path) throws Exception {
    return send(fleet, service, path, HttpRequest.newBuilder().GET());
  }

  private JsonNode post(RunningFleet fleet, String service, String path) throws Exception {
    return send(
        fleet, service, path, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.noBody()));
  }

  private JsonNode put(RunningFleet fleet, String service, String path, String body)
      throws Exception {
    return send(
        fleet,
        service,
        path,
        HttpRequest.newBuilder()
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body)));
  }

  private JsonNode send(RunningFleet fleet, String service, String path, HttpRequest.Builder b)
      throws Exception {
    URI uri = URI.create(fleet.service(service).baseUri() + path);
    HttpResponse<String> r =
        http.send(
            b.uri(uri).header("Authorization", "Bearer " + TOKEN).timeout(TIMEOUT).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode())
        .as(r.request().method() + " " + path + " → " + r.body())
        .isLessThan(300);
    return r.body().isBlank() ? json.nullNode() : json.readTree(r.body());
  }
}

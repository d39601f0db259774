package io.mlconnector.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlconnector.sandbox.SandboxLandscape;
import io.mlconnector.sandbox.qad.QadEntity;
import io.mlconnector.sandbox.qad.QadRow;
import io.mlconnector.sandbox.qad.QadTenant;
import io.mlconnector.sandbox.servicenow.ServiceNowInstance;
import io.mlconnector.sandbox.servicenow.push.PushBusinessRule;
import io.mlconnector.stack.ApiTokenFixtures;
import io.mlconnector.stack.TenantFixtures;
import io.mlconnector.stack.fleet.DemoInvoices;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Push end to end, every service its own process, the invoice schedule at 2 minutes: with the
 * Business Rule active, approved invoices are vouchered in QAD and written back before the next
 * scheduled poll could have fired; notifications dropped, sent to an unreachable connector, forged,
 * replayed and flooded leave the outcome polling alone gives: every approved invoice exactly once
 * in QAD, written back with its voucher, nothing else.
 */
class PushIT {
  private static final String TENANT = "it-push";
  private static final Duration SCHEDULE = Duration.ofMinutes(2);
  private static final Duration TIMEOUT = Duration.ofMinutes(3);
  private static final int PUSHED = 6;
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void pushedInvoicesArriveBeforeTheScheduleAndBadNotificationsChangeNothing() throws Exception {
    try (SandboxLandscape sandbox = SandboxLandscape.start(List.of(TENANT), 1);
        RunningFleet fleet = new RunningFleet(Map.of("MLC_QAD_SCHEDULING_ENABLED", "false"))) {
      fleet.start(List.of("qad-poller", "mapper-service", "writer-service"));
      fleet.startService(
          "servicenow-poller",
          Map.of(
              "MLC_SERVICENOW_RECEIPT_SYNC_URL",
              fleet.service("qad-poller").baseUri().toString(),
              "MLC_SERVICENOW_RECEIPT_SYNC_TOKEN",
              ApiTokenFixtures.OPERATE,
              "MLC_SERVICENOW_SCHEDULE_INVOICES",
              SCHEDULE.toString(),
              "MLC_SERVICENOW_TICK",
              "1s"));
      fleet.awaitReady(fleet.service("servicenow-poller"));
      QadTenant qad = sandbox.qad().tenant(TENANT);
      ServiceNowInstance sn = sandbox.servicenow().instance(TENANT);
      String secret = newSecret();
      fleet.registerForThisTest(
          TenantFixtures.sandboxTenant(sandbox.tenants().get(0), false, secret));

      Http.post(URI.create(fleet.service("qad-poller").baseUri() + "/polls/" + TENANT + "/run"));
      int costCenters = qad.table(QadEntity.COST_CENTER).size();
      fleet.awaitCostCentersMapped(TENANT, costCenters, TIMEOUT);
      // The scheduler polls a newly registered tenant at once, then every 2 minutes.
      Instant scheduled = firstScheduledInvoicePoll(fleet);
      URI notify = URI.create(fleet.service("servicenow-poller").baseUri() + "/notify/" + TENANT);
      sn.pushRule().enable(notify, secret);

      List<QadRow> lines = DemoInvoices.receivedLines(qad, PUSHED + 3);
      List<Long> latencies = new ArrayList<>();
      for (int i = 0; i < PUSHED; i++) {
        String number = "INV-PUSH-" + i;
        Instant approved = Instant.now();
        sn.apClerk()
            .approveInvoice(DemoInvoices.invoice(qad, lines.get(i), number, BigDecimal.ONE, null));
        awaitProcessed(sn, number);
        latencies.add(Duration.between(approved, Instant.now()).toMillis());
        assertThat(Instant.now())
            .as(number + " written back before the next scheduled poll could have fired")
            .isBefore(scheduled.plus(SCHEDULE));
      }
      System.out.println(
          "push latency ms (approval to write-back): " + latencies + " " + pct(latencies));

      // Dropped: the rule is off; then the connector is unreachable for the rule.
      sn.pushRule().disable();
      approve(sn, qad, lines.get(PUSHED), "INV-DROPPED");
      sn.pushRule().enable(URI.create("http://127.0.0.1:9/notify/" + TENANT), secret);
      approve(sn, qad, lines.get(PUSHED + 1), "INV-UNREACHABLE");
      sn.pushRule().disable();
      approve(sn, qad, lines.get(PUSHED + 2), "INV-FORGED");
      String body = "{\"table\":\"sn_spend_intg_outbound_invoice\",\"sys_id\":\"0\"}";
      // Forged: another secret, or a body that is not the one signed.
      for (int i = 0; i < 20; i++) {
        assertThat(send(notify, newSecret(), now(), body, body)).isEqualTo(401);
        assertThat(send(notify, secret, now(), body, body.replace("0", "1"))).isEqualTo(401);
      }
      // Replayed: one signed notification sent ten times asks for one poll at most.
      String ts = now();
      List<Integer> replays = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        replays.add(send(notify, secret, ts, body, body));
      }
      assertThat(replays).containsOnly(202);
      // Flooded: past the per-tenant allowance everything is 429.
      Map<Integer, Long> flood = new HashMap<>();
      for (int i = 0; i < 300; i++) {
        String b = "{\"table\":\"sn_spend_intg_outbound_invoice_line\",\"n\":" + i + "}";
        flood.merge(send(notify, secret, now(), b, b), 1L, Long::sum);
      }
      assertThat(flood.keySet()).containsOnly(202, 429);
      assertThat(flood.get(429)).isGreaterThan(100L);

      // What the schedule would do next, now: the outcome must be that of polling alone.
      Http.post(
          URI.create(fleet.service("servicenow-poller").baseUri() + "/polls/" + TENANT + "/run"));
      List<String> approvedNumbers = new ArrayList<>();
      for (int i = 0; i < PUSHED; i++) {
        approvedNumbers.add("INV-PUSH-" + i);
      }
      approvedNumbers.addAll(List.of("INV-DROPPED", "INV-UNREACHABLE", "INV-FORGED"));
      for (String number : approvedNumbers) {
        awaitProcessed(sn, number);
      }
      Map<String, Long> inQad =
          qad.invoices().all().stream()
              .collect(Collectors.groupingBy(i -> i.invoiceReference(), Collectors.counting()));
      assertThat(inQad).hasSize(approvedNumbers.size()).containsOnlyKeys(approvedNumbers);
      assertThat(inQad.values()).containsOnly(1L);
      for (String number : approvedNumbers) {
        Map<String, String> row = snRow(sn, number);
        String voucher =
            qad.invoices().all().stream()
                .filter(i -> i.invoiceReference().equals(number))
                .findFirst()
                .orElseThrow()
                .voucher();
        assertThat(row.get("erp_number")).as(number).isEqualTo(voucher);
      }
      assertThat(sn.list("sn_spend_intg_outbound_invoice")).hasSize(approvedNumbers.size());
    }
  }

  private Instant firstScheduledInvoicePoll(RunningFleet fleet) {
    URI state = URI.create(fleet.service("servicenow-poller").baseUri() + "/polls/" + TENANT);
    JsonNode[] run = new JsonNode[1];
    await()
        .atMost(TIMEOUT)
        .until(
            () -> {
              run[0] = get(state).path("tables").path("supplier-invoice").path("lastRun");
              return run[0].hasNonNull("startedAt");
            });
    return Instant.parse(run[0].path("startedAt").asText());
  }

  private void approve(ServiceNowInstance sn, QadTenant qad, QadRow line, String number) {
    sn.apClerk().approveInvoice(DemoInvoices.invoice(qad, line, number, BigDecimal.ONE, null));
  }

  private static void awaitProcessed(ServiceNowInstance sn, String number) {
    await()
        .atMost(TIMEOUT)
        .pollInterval(Duration.ofMillis(100))
        .alias(number + " Processed in ServiceNow")
        .until(() -> "Processed".equals(snRow(sn, number).get("integration_status")));
  }

  private static Map<String, String> snRow(ServiceNowInstance sn, String number) {
    return sn.rows().snapshot("sn_spend_intg_outbound_invoice").stream()
        .filter(r -> number.equals(r.get("invoice_number")))
        .findFirst()
        .orElse(Map.of());
  }

  private int send(URI notify, String secret, String ts, String signed, String sent)
      throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(notify)
            .header("Content-Type", "application/json")
            .header("X-MLC-Timestamp", ts)
            .header(
                "X-MLC-Signature", "v1=" + PushBusinessRule.generateMac(secret, ts + "." + signed))
            .POST(HttpRequest.BodyPublishers.ofString(sent))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private JsonNode get(URI uri) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(uri)
                .header("Authorization", ApiTokenFixtures.bearer(ApiTokenFixtures.READ))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return r.statusCode() == 200 ? json.readTree(r.body()) : json.createObjectNode();
  }

  private static String pct(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    return "p50="
        + sorted.get((int) Math.ceil(0.50 * sorted.size()) - 1)
        + " p95="
        + sorted.get((int) Math.ceil(0.95 * sorted.size()) - 1);
  }

  private static String now() {
    return String.valueOf(Instant.now().getEpochSecond());
  }

  private static String newSecret() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }
}

package io.mlconnector.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlconnector.it.console.Browser;
import io.mlconnector.sandbox.SandboxLandscape;
import io.mlconnector.sandbox.SandboxTenant;
import io.mlconnector.sandbox.qad.QadEntity;
import io.mlconnector.sandbox.qad.QadTenant;
import io.mlconnector.sandbox.servicenow.ServiceNowInstance;
import io.mlconnector.stack.ApiTokenFixtures;
import io.mlconnector.stack.fleet.DemoInvoices;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The console's page in real headless Chromium against the whole fleet (every service its own
 * process, the sandbox's QAD and ServiceNow): an operator signs in with the token, onboards and
 * pings a tenant, finds a parked invoice with its reason, fixes the mapping, replays it and sees it
 * resolved and posted (judged in the simulators' tables), and finds a record in the audit search.
 * Each test saves a screenshot under {@code target/screenshots/}.
 */
class ConsolePageIT {
  private static final String TOKEN = ApiTokenFixtures.ADMIN;
  private static final Duration TIMEOUT = Duration.ofMinutes(3);
  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);

  /** Polled by the fleet: its invoices flow. */
  private static final String FLOWING = "ui-" + SUFFIX;

  /** Onboarded through the page only. */
  private static final String ONBOARDED = "ui-new-" + SUFFIX;

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static SandboxLandscape sandbox;
  private static RunningFleet fleet;

  @BeforeAll
  static void fleetWithParkedInvoice() throws Exception {
    sandbox = SandboxLandscape.start(List.of(FLOWING, ONBOARDED), 1);
    // Everything reads the registry the console writes; the pollers poll only this test's tenant.
    fleet =
        new RunningFleet(
            Map.of(
                "MLC_QAD_SCHEDULING_ENABLED", "false",
                "MLC_TENANT_REGISTRY_SCHEMA", "console",
                "MLC_TENANTS", FLOWING,
                "MLC_CONSOLE_SANDBOX_MODE", "true"));
    fleet.start(List.of("mapper-service"));
    fleet.startService(
        "console",
        Map.of("MLC_CONSOLE_MAPPER_URL", fleet.service("mapper-service").baseUri().toString()));
    fleet.awaitReady(fleet.service("console"));
    for (String name : List.of("writer-service", "qad-poller")) {
      fleet.startService(name);
    }
    // the receipt sync URL below is where qad-poller listens, known once it is ready
    fleet.awaitReady(fleet.service("qad-poller"));
    fleet.startService(
        "servicenow-poller",
        Map.of(
            "MLC_SERVICENOW_RECEIPT_SYNC_URL",
            fleet.service("qad-poller").baseUri().toString(),
            "MLC_SERVICENOW_RECEIPT_SYNC_TOKEN",
            ApiTokenFixtures.OPERATE));
    for (String name : List.of("writer-service", "servicenow-poller")) {
      fleet.awaitReady(fleet.service(name));
    }
    send("console", "/tenants", "POST", JSON.writeValueAsString(body(tenant(FLOWING))));

    send("qad-poller", "/polls/" + FLOWING + "/run", "POST", null);
    QadTenant qad = sandbox.qad().tenant(FLOWING);
    int costCenters = qad.table(QadEntity.COST_CENTER).size();
    fleet.awaitCostCentersMapped(FLOWING, costCenters, TIMEOUT);
    new DemoInvoices(sandbox).approve(FLOWING);
    send("servicenow-poller", "/polls/" + FLOWING + "/run", "POST", null);
    awaitSnStatus(number(1), "Processed");
    awaitSnStatus(number(3), "Error");
    String parked = snRow(number(3)).orElseThrow().get("sys_id");
    await()
        .atMost(TIMEOUT)
        .alias(number(3) + " kept by the console as parked")
        .until(
            () -> send("console", "/parked/" + FLOWING, "GET", null).toString().contains(parked));
  }

  @AfterAll
  static void stop() {
    if (fleet != null) {
      fleet.close();
    }
    if (sandbox != null) {
      sandbox.close();
    }
  }

  @Test
  void anOperatorOnboardsATenantAndSeesItsPingReport() throws Exception {
    SandboxTenant t = tenant(ONBOARDED);
    try (Browser b = new Browser(consoleUrl()).signIn(TOKEN)) {
      b.find(By.id("new-tenant")).click();
      type(b, "id", t.id());
      type(b, "displayName", "Onboarded " + t.id());
      b.find(By.cssSelector("#tenant-form [name='sandbox']")).click();
      type(b, "qad.baseUrl", t.qad().tenantUrl());
      type(b, "qad.workspace", t.qad().workspace());
      type(b, "qad.clientId", t.qad().clientId());
      type(b, "qad.username", t.qad().username());
      type(b, "qad.password", t.qad().password());
      type(b, "servicenow.instanceUrl", t.servicenow().instanceUrl());
      type(b, "servicenow.clientId", t.servicenow().clientId());
      type(b, "servicenow.clientSecret", t.servicenow().clientSecret());
      b.find(By.id("save-tenant")).click();

      WebElement row = b.waitUntil(By.cssSelector("#tenants tr[data-tenant='" + t.id() + "']"));
      row.findElement(By.cssSelector("button[data-action='ping']")).click();
      b.waitForText(By.id("ping-verdict"), "ready");
      assertThat(b.find(By.id("ping-verdict")).getText()).isEqualTo("ready");
      assertThat(b.find(By.cssSelector("#ping-report tr[data-check='qad.token']")).getText())
          .contains("PASSED");
      assertThat(b.find(By.cssSelector("#ping-report tr[data-check='servicenow.token']")).getText())
          .contains("PASSED");
      // Write-only secrets: neither is anywhere in the page.
      assertThat(b.driver().getPageSource())
          .doesNotContain(t.qad().password())
          .doesNotContain(t.servicenow().clientSecret());
      b.screenshot("tenant-onboarded-and-pinged");
    }
  }

  @Test
  void aParkedInvoiceIsFixedReplayedResolvedAndPosted() throws Exception {
    String sysId = snRow(number(3)).orElseThrow().get("sys_id");
    QadTenant qad = sandbox.qad().tenant(FLOWING);
    String goodCostCenter = qad.invoices().all().get(0).lines().get(0).costCenter();
    try (Browser b = new Browser(consoleUrl()).signIn(TOKEN)) {
      b.pickTenant(FLOWING);
      b.tab("parked");
      By row = By.cssSelector("#parked tr[data-source-id='" + sysId + "']");
      b.waitForText(row, SandboxLandscape.SERVICENOW_ONLY_COST_CENTER);
      assertThat(b.find(row).getText()).contains("PARKED");
      b.screenshot("parked-invoice-with-reason");

      b.tab("invoices");
      WebElement form = b.find(By.id("mapping-form"));
      form.findElement(By.name("servicenowCode"))
          .sendKeys(SandboxLandscape.SERVICENOW_ONLY_COST_CENTER);
      form.findElement(By.name("qadCode")).sendKeys(goodCostCenter);
      b.find(By.id("save-mapping")).click();
      b.waitForText(By.cssSelector("#mapping-form [data-mapping-result]"), "Saved");

      b.tab("parked");
      b.waitUntil(row).findElement(By.cssSelector("button[data-action='replay']")).click();
      b.confirm();
      // Resolved: gone from the open parkings, shown as resolved with "show resolved".
      b.waitUntilGone(row);
      b.find(By.id("parked-resolved")).click();
      b.waitForText(row, "RESOLVED");
      assertThat(b.find(row).getText()).contains("by test-admin");
      awaitSnStatus(number(3), "Processed");
      // Ground truth: the voucher ServiceNow was told is a matched invoice in QAD.
      String voucher = snRow(number(3)).orElseThrow().get("erp_number");
      assertThat(qad.invoices().all())
          .anySatisfy(
              i -> {
                assertThat(i.voucher()).isEqualTo(voucher);
                assertThat(i.status()).isEqualTo("Matched");
              });

      b.tab("invoices");
      By posted = By.cssSelector("#inv-posted tr[data-invoice='" + number(3) + "']");
      b.waitUntil(posted);
      assertThat(b.find(posted).getText()).contains(voucher);
      b.screenshot("replayed-invoice-posted");
    }
  }

  @Test
  void theAuditSearchFindsAnInvoiceByItsNumber() throws Exception {
    try (Browser b = new Browser(consoleUrl()).signIn(TOKEN)) {
      b.pickTenant(FLOWING);
      b.tab("audit");
      b.find(By.id("audit-q")).sendKeys(number(1));
      b.find(By.id("audit-search")).click();
      b.waitUntil(By.cssSelector("#audit tr[data-stage='writer:WRITTEN']"));
      assertThat(b.find(By.cssSelector("#audit tr[data-stage='servicenow_poller:POLLED']")))
          .isNotNull();
      b.screenshot("audit-search");
    }
  }

  @Test
  void theStatusTabShowsTheTenantsFiguresAndThroughput() throws Exception {
    try (Browser b = new Browser(consoleUrl()).signIn(TOKEN)) {
      b.pickTenant(FLOWING);
      b.tab("fleet");
      WebElement card = b.waitUntil(By.cssSelector(".card[data-tenant='" + FLOWING + "']"));
      assertThat(card.getText()).contains("servicenow").contains("qad");
      b.waitUntil(By.cssSelector("#plot polyline[data-stage='POLLED']"));
      assertThat(card.findElement(By.cssSelector("[data-figure='posted']")).getText())
          .doesNotContain(": 0");
      // The services published their breakers' first verdicts while the invoices flowed.
      for (String system : List.of("qad", "servicenow")) {
        WebElement breaker =
            b.waitUntil(
                By.cssSelector(
                    ".card[data-tenant='"
                        + FLOWING
                        + "'] table[data-breakers] tr[data-system='"
                        + system
                        + "']"));
        assertThat(breaker.getText()).contains("CLOSED");
      }
      b.screenshotWholePage("status");
    }
  }

  private static void type(Browser b, String field, String value) {
    b.find(By.cssSelector("#tenant-form [name='" + field + "']")).sendKeys(value);
  }

  private static String number(int n) {
    return "INV-" + FLOWING + "-" + n;
  }

  private static SandboxTenant tenant(String id) {
    return sandbox.tenants().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
  }

  private static Map<String, Object> body(SandboxTenant t) {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("id", t.id());
    b.put("displayName", "Sandbox " + t.id());
    b.put(
        "qad",
        Map.of(
            "baseUrl", t.qad().tenantUrl(),
            "workspace", t.qad().workspace(),
            "clientId", t.qad().clientId(),
            "username", t.qad().username(),
            "password", t.qad().password()));
    b.put(
        "servicenow",
        Map.of(
            "instanceUrl", t.servicenow().instanceUrl(),
            "clientId", t.servicenow().clientId(),
            "clientSecret", t.servicenow().clientSecret()));
    b.put("sandbox", true);
    return b;
  }

  private static String consoleUrl() {
    return fleet.service("console").baseUri().toString();
  }

  private static Optional<Map<String, String>> snRow(String number) {
    ServiceNowInstance sn = sandbox.servicenow().instance(FLOWING);
    return sn.rows().snapshot("sn_spend_intg_outbound_invoice").stream()
        .filter(r -> number.equals(r.get("invoice_number")))
        .findFirst();
  }

  private static void awaitSnStatus(String number, String status) {
    await()
        .atMost(TIMEOUT)
        .alias(number + " in ServiceNow " + status)
        .until(
            () -> snRow(number).map(r -> status.equals(r.get("integration_status"))).orElse(false));
  }

  private static JsonNode send(String service, String path, String method, String body)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(fleet.service(service).baseUri() + path))
            .header("Authorization", "Bearer " + TOKEN)
            .header("Content-Type", "application/json")
            .timeout(TIMEOUT)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(method + " " + path + " → " + r.body()).isLessThan(300);
    return r.body().isBlank() ? JSON.nullNode() : JSON.readTree(r.body());
  }
}

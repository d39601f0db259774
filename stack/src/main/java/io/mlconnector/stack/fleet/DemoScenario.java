package io.mlconnector.stack.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.sandbox.SandboxLandscape;
import io.mlconnector.sandbox.SandboxTenant;
import io.mlconnector.sandbox.qad.QadEntity;
import io.mlconnector.sandbox.qad.QadTenant;
import io.mlconnector.sandbox.servicenow.ServiceNowInstance;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code ./mlc demo} does once the fleet is up: onboard the sandbox tenants through the
 * console, sync QAD into the ServiceNow staging tables, and print what arrived.
 */
public final class DemoScenario {
  private static final Duration SYNC_TIMEOUT = Duration.ofMinutes(10);
  public static final Map<QadEntity, String> STAGING = new LinkedHashMap<>();

  static {
    STAGING.put(QadEntity.SUPPLIER, "sn_fcms_intg_imp_supplier");
    STAGING.put(QadEntity.PURCHASE_ORDER, "sn_fcms_intg_imp_order");
    STAGING.put(QadEntity.PURCHASE_ORDER_LINE, "sn_fcms_intg_imp_order_line");
    STAGING.put(QadEntity.GOODS_RECEIPT, "sn_fcms_intg_imp_receipt");
    STAGING.put(QadEntity.COST_CENTER, "sn_fcms_intg_imp_cost_center");
    STAGING.put(QadEntity.GL_ACCOUNT, "sn_fcms_intg_gl_account_stage");
  }

  private final Fleet fleet;
  private final SandboxLandscape sandbox;
  private final OperatorApi api;
  private final PrintStream out;
  private final Map<String, DemoInvoices.Held> held = new LinkedHashMap<>();
  private final Map<String, String> auditSamples = new LinkedHashMap<>();

  DemoScenario(Fleet fleet, SandboxLandscape sandbox, OperatorApi api, PrintStream out) {
    this.fleet = fleet;
    this.sandbox = sandbox;
    this.api = api;
    this.out = out;
  }

  /** Runs the scenario; returns true if every step did what it should. */
  boolean run() throws Exception {
    boolean ok = true;
    for (SandboxTenant t : sandbox.tenants()) {
      api.post(fleet.service("console").baseUri().resolve("/tenants"), TenantBody.of(t));
      out.printf("onboarded tenant %s through the console API%n", t.id());
    }
    for (SandboxTenant t : sandbox.tenants()) {
      api.post(fleet.service("qad-poller").baseUri().resolve("/polls/" + t.id() + "/run"), null);
    }
    for (SandboxTenant t : sandbox.tenants()) {
      ok &= printStaging(t.id());
    }
    for (SandboxTenant t : sandbox.tenants()) {
      // The clerk approves before the ping, as on a live instance: the ping then proves write
      // access on a visible invoice instead of warning that an unknown record proves nothing.
      // After the QAD sync, so the mapper knows QAD's cost centers when the invoices arrive.
      held.put(t.id(), new DemoInvoices(sandbox).approve(t.id()));
      JsonNode report =
          api.post(
              fleet.service("console").baseUri().resolve("/tenants/" + t.id() + "/ping"), null);
      PingReport.print(report, out, false);
      ok &= report.path("ready").asBoolean();
    }
    for (SandboxTenant t : sandbox.tenants()) {
      ok &= invoices(t.id());
    }
    return ok;
  }

  /**
   * The AP clerk approves four invoices; the connector pulls them, posts what it can, holds the one
   * without a receipt, parks the miscoded one; then the receiver posts the missing receipt in QAD
   * and the held invoice goes through by itself.
   */
  private boolean invoices(String tenant) throws Exception {
    DemoInvoices.Held held = this.held.get(tenant);
    URI writer = fleet.service("writer-service").baseUri().resolve("/invoices/" + tenant);
    api.post(
        fleet.service("servicenow-poller").baseUri().resolve("/polls/" + tenant + "/run"), null);
    JsonNode first = awaitInvoices(writer, all -> all.size() == 4 && settled(all, 1));
    List<String> heldFirst = new ArrayList<>();
    for (JsonNode i : first) {
      if (i.path("status").asText().equals("AWAITING_RECEIPT")) {
        heldFirst.add(i.path("invoiceNumber").asText());
      }
    }
    out.printf(
        "receiver posts the missing receipt in QAD (PO %s line %d)%n",
        held.poNumber(), held.line());
    sandbox
        .qad()
        .tenant(tenant)
        .receiving()
        .receive(held.poNumber(), Map.of(held.line(), held.quantity()));
    api.post(fleet.service("qad-poller").baseUri().resolve("/polls/" + tenant + "/run"), null);
    JsonNode done = awaitInvoices(writer, all -> settled(all, 0));
    int inQad = sandbox.qad().tenant(tenant).invoices().all().size();
    DemoInvoiceReport.print(tenant, done, heldFirst, inQad, out);
    DemoInvoiceReport.Summary summary = DemoInvoiceReport.summary(done);
    for (JsonNode i : done) {
      if (i.path("status").asText().equals("POSTED")) {
        auditSamples.putIfAbsent(tenant, i.path("sysId").asText());
      }
    }
    return summary.posted().size() == 2
        && summary.duplicates().size() == 1
        && inQad == 2
        && heldFirst.size() == 1;
  }

  /** Per tenant, the external id of one posted invoice: something to ask the audit trail for. */
  Map<String, String> auditSamples() {
    return auditSamples;
  }

  private static boolean settled(JsonNode invoices, int awaiting) {
    long open = 0;
    for (JsonNode i : invoices) {
      String status = i.path("status").asText();
      if (status.equals("RECEIVED") || status.equals("POSTING")) {
        return false;
      }
      open += status.equals("AWAITING_RECEIPT") ? 1 : 0;
    }
    return open == awaiting;
  }

  private JsonNode awaitInvoices(URI writer, java.util.function.Predicate<JsonNode> done)
      throws Exception {
    long deadline = System.nanoTime() + SYNC_TIMEOUT.toNanos();
    JsonNode invoices = api.get(writer);
    while (!done.test(invoices) && System.nanoTime() < deadline) {
      Thread.sleep(500);
      invoices = api.get(writer);
    }
    return invoices;
  }

  private boolean printStaging(String tenant) throws InterruptedException {
    QadTenant qad = sandbox.qad().tenant(tenant);
    ServiceNowInstance sn = sandbox.servicenow().instance(tenant);
    long deadline = System.nanoTime() + SYNC_TIMEOUT.toNanos();
    while (!synced(qad, sn) && System.nanoTime() < deadline) {
      Thread.sleep(500);
    }
    out.printf("QAD → ServiceNow staging, tenant %s%n", tenant);
    out.printf("  %-32s %8s %8s%n", "staging table", "in QAD", "synced");
    STAGING.forEach(
        (entity, table) ->
            out.printf(
                "  %-32s %8d %8d%n",
                table, qad.table(entity).size(), sn.rows().snapshot(table).size()));
    return synced(qad, sn);
  }

  private static boolean synced(QadTenant qad, ServiceNowInstance sn) {
    return STAGING.entrySet().stream()
        .allMatch(e -> sn.rows().snapshot(e.getValue()).size() == qad.table(e.getKey()).size());
  }

  /** The console's tenant body for a sandbox tenant. */
  public record TenantBody(
      String id,
      String displayName,
      Map<String, Object> qad,
      Map<String, Object> servicenow,
      boolean sandbox) {
    public static TenantBody of(SandboxTenant t) {
      Map<String, Object> qad = new LinkedHashMap<>();
      qad.put("baseUrl", t.qad().tenantUrl());
      qad.put("workspace", t.qad().workspace());
      qad.put("clientId", t.qad().clientId());
      qad.put("username", t.qad().username());
      qad.put("password", t.qad().password());
      Map<String, Object> sn = new LinkedHashMap<>();
      sn.put("instanceUrl", t.servicenow().instanceUrl());
      sn.put("clientId", t.servicenow().clientId());
      sn.put("clientSecret", t.servicenow().clientSecret());
      sn.put("batchApi", false);
      return new TenantBody(t.id(), "Sandbox " + t.id(), qad, sn, true);
    }
  }
}

package io.mlconnector.console.ping;

import static io.mlconnector.console.ConsoleApi.authorized;
import static io.mlconnector.console.ConsoleApi.uniqueId;
import static io.mlconnector.console.ping.PingSandbox.check;
import static io.mlconnector.console.ping.PingSandbox.ping;
import static io.mlconnector.console.ping.PingSandbox.provision;
import static io.mlconnector.console.ping.PingSandbox.qad;
import static io.mlconnector.console.ping.PingSandbox.register;
import static io.mlconnector.console.ping.PingSandbox.sn;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.console.ping.PingSandbox.Credentials;
import io.mlconnector.sandbox.servicenow.ServiceNowInstance;
import io.mlconnector.stack.StackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(StackResource.class)
class PingTest {
  private static final String SUPPLIER_STAGING = "sn_fcms_intg_imp_supplier";

  @Test
  void wellSetUpSandboxTenantPassesEveryCheckAndLeavesNoTrace() {
    Credentials c = provision(uniqueId("ping-ok"));
    // One staging table already holds a row (the no-change PATCH path); the others are empty
    // (the POST + DELETE path).
    Map<String, String> existing =
        sn(c.id()).insert(SUPPLIER_STAGING, Map.of("u_external_id", "S00001", "u_name", "ACME"));
    register(c);

    JsonPath report = ping(c.id(), true);

    List<Map<String, Object>> checks = report.getList("checks");
    assertThat(checks)
        .as(report.prettify())
        .allSatisfy(ch -> assertThat(ch.get("status")).as(ch.toString()).isEqualTo("PASSED"))
        .allSatisfy(ch -> assertThat(ch.get("fix")).isNull());
    assertThat(report.getBoolean("ready")).isTrue();
    assertThat(checks)
        .extracting(ch -> ch.get("name"))
        .contains(
            "qad.url",
            "qad.token",
            "qad.workspace",
            "qad.browse.supplier",
            "qad.browse.goods-receipt",
            "qad.browse.project",
            "qad.supplier-invoices",
            "servicenow.url",
            "servicenow.token",
            "servicenow.table.sn_fcms_intg_gl_account_stage.write",
            "servicenow.table.sn_spend_intg_outbound_invoice.write",
            "servicenow.table.sn_spend_intg_outbound_invoice_line.read",
            "servicenow.table.cmn_cost_center.read",
            "servicenow.table.sn_fin_gl_account.read");
    assertThat(checks).extracting(ch -> ch.get("system")).containsOnly("QAD", "SERVICENOW");
    assertThat(String.valueOf(check(report, "servicenow.table.sn_fcms_intg_imp_order.write")))
        .contains("POST /api/now/table/sn_fcms_intg_imp_order", "u_external_id=mlc-ping-");
    assertThat(String.valueOf(check(report, "servicenow.table." + SUPPLIER_STAGING + ".write")))
        .contains("PATCH", "no change");

    ServiceNowInstance sn = sn(c.id());
    assertThat(sn.list(SUPPLIER_STAGING)).hasSize(1);
    assertThat(sn.get(SUPPLIER_STAGING, existing.get("sys_id")))
        .containsEntry("u_external_id", "S00001")
        .containsEntry("u_name", "ACME");
    for (String staging :
        List.of(
            "sn_fcms_intg_imp_order",
            "sn_fcms_intg_imp_order_line",
            "sn_fcms_intg_imp_receipt",
            "sn_fcms_intg_imp_cost_center",
            "sn_fcms_intg_gl_account_stage")) {
      assertThat(sn.list(staging)).as(staging).isEmpty();
    }
    assertThat(sn.list("sn_spend_intg_outbound_invoice"))
        .singleElement()
        .satisfies(row -> assertThat(row).containsEntry("integration_status", "New"));
    assertThat(report.prettify()).doesNotContain(c.snSecret(), c.qad().password());
  }

  @Test
  void disabledClientCredentialsGrantNamesThePropertyAndQadStillPasses() {
    Credentials c = provision(uniqueId("ping-grant"));
    sn(c.id()).setProperty(ServiceNowInstance.CLIENT_CREDENTIALS_PROPERTY, "false");
    register(c);

    JsonPath report = ping(c.id());

    Map<String, Object> token = check(report, "servicenow.token");
    assertThat(token.get("status")).isEqualTo("FAILED");
    assertThat((String) token.get("fix"))
        .contains("glide.oauth.inbound.client.credential.grant_type.enabled=true")
        .contains("OAuth Application User");
    assertThat((String) token.get("detail")).contains("access_denied");
    assertThat(check(report, "servicenow.table.cmn_cost_center.read").get("status"))
        .isEqualTo("FAILED");
    assertThat(statuses(report, "QAD")).containsOnly("PASSED");
    assertThat(report.getBoolean("ready")).isFalse();
  }

  @Test
  void accountWithoutOutboundInvoiceRoleIsToldWhichRoleToGrant() {
    Credentials c = provision(uniqueId("ping-role"));
    sn(c.id())
        .addUser(
            c.snUser(),
            c.snPassword(),
            "sn_fcms_intg.integration_user",
            "sn_ap_apm.accounts_payable_specialist");
    register(c);

    JsonPath report = ping(c.id(), true);

    Map<String, Object> read =
        check(report, "servicenow.table.sn_spend_intg_outbound_invoice.read");
    assertThat(read.get("status")).isEqualTo("WARNING");
    assertThat((String) read.get("detail"))
        .contains("rows exist", "none are visible", "sn_spend_intg_procurement_integrator");
    Map<String, Object> write =
        check(report, "servicenow.table.sn_spend_intg_outbound_invoice.write");
    assertThat(write.get("status")).isEqualTo("FAILED");
    assertThat((String) write.get("fix")).contains("sn_spend_intg_procurement_integrator");
    assertThat(check(report, "servicenow.table.sn_fcms_intg_imp_supplier.write").get("status"))
        .isEqualTo("PASSED");
    assertThat(report.getBoolean("ready")).isFalse();
  }

  @Test
  void rowHidingAclIsAWarningNotASilentPass() {
    Credentials c = provision(uniqueId("ping-acl"));
    sn(c.id()).hideRows("cmn_cost_center", "codeISNOTEMPTY");
    register(c);

    JsonPath report = ping(c.id());

    Map<String, Object> read = check(report, "servicenow.table.cmn_cost_center.read");
    assertThat(read.get("status")).isEqualTo("WARNING");
    assertThat((String) read.get("detail"))
        .contains("rows exist but none are visible")
        .contains("sn_ap_apm.accounts_payable_specialist");
    assertThat(read.get("fix")).isNotNull();
    assertThat(report.getBoolean("ready")).as("warnings do not block").isTrue();
  }

  @Test
  void wrongQadPasswordFailsTheTokenCheckWithAHint() {
    Credentials c = provision(uniqueId("ping-pw"));
    Map<String, Object> body = PingSandbox.body(c);
    section(body, "qad").put("password", "not-the-password");
    authorized().body(body).post("/tenants").then().statusCode(201);

    JsonPath report = ping(c.id(), true);

    Map<String, Object> token = check(report, "qad.token");
    assertThat(token.get("status")).isEqualTo("FAILED");
    assertThat((String) token.get("fix")).contains("username and password");
    assertThat(check(report, "qad.browse.supplier").get("status")).isEqualTo("FAILED");
    assertThat(statuses(report, "SERVICENOW")).containsOnly("PASSED");
    assertThat(report.prettify()).doesNotContain("not-the-password");
  }

  @Test
  void wrongWorkspaceFailsNamingTheHeader() {
    Credentials c = provision(uniqueId("ping-ws"));
    Map<String, Object> body = PingSandbox.body(c);
    section(body, "qad").put("workspace", "20EU_WRONG");
    authorized().body(body).post("/tenants").then().statusCode(201);

    JsonPath report = ping(c.id());

    assertThat(check(report, "qad.token").get("status")).isEqualTo("PASSED");
    Map<String, Object> workspace = check(report, "qad.workspace");
    assertThat(workspace.get("status")).isEqualTo("FAILED");
    assertThat((String) workspace.get("fix")).contains("x-qad-workspace-id");
    assertThat((String) workspace.get("tried")).contains("x-qad-workspace-id: 20EU_WRONG");
  }

  @Test
  void qadDownFailsQadChecksWhileServiceNowChecksStillPass() {
    Credentials c = provision(uniqueId("ping-down"));
    qad(c.id()).faults().setServerErrorRate(1.0).setServerErrorStatus(503);
    register(c);

    JsonPath report = ping(c.id(), true);

    assertThat(check(report, "qad.url").get("status")).as("a local check").isEqualTo("PASSED");
    assertThat(
            report.getList("checks.findAll { it.system == 'QAD' && it.name != 'qad.url' }.status"))
        .hasSizeGreaterThan(8)
        .containsOnly("FAILED");
    assertThat(check(report, "qad.token").get("fix").toString()).contains("QAD is up");
    assertThat(statuses(report, "SERVICENOW")).containsOnly("PASSED");
    assertThat(report.getBoolean("ready")).isFalse();
  }

  @Test
  void throttledPingLeavesNoProbeRowBehind() {
    Credentials c = provision(uniqueId("ping-429"));
    register(c);
    ServiceNowInstance sn = sn(c.id());

    // A plain ping never inserts into staging tables that feed imports.
    sn.faults().rateLimitStorm(6, 1);
    JsonPath plain = ping(c.id());
    assertThat(String.valueOf(check(plain, "servicenow.table.sn_fcms_intg_imp_order.write")))
        .contains("writeProbe=true");
    assertThat(sn.list("sn_fcms_intg_imp_order")).as(plain.prettify()).isEmpty();

    // Asked for, the probe row is removed with the same retries as every other call.
    sn.faults().rateLimitStorm(6, 1);
    JsonPath probed = ping(c.id(), true);
    sn.faults().clear();
    for (String staging :
        List.of(
            "sn_fcms_intg_imp_order",
            "sn_fcms_intg_imp_order_line",
            "sn_fcms_intg_imp_receipt",
            "sn_fcms_intg_imp_cost_center",
            "sn_fcms_intg_gl_account_stage",
            SUPPLIER_STAGING)) {
      assertThat(sn.list(staging)).as(staging + "\n" + probed.prettify()).isEmpty();
    }
  }

  @Test
  void unknownTenantIs404AndThePingNeedsTheApiToken() {
    authorized().post("/tenants/" + uniqueId("nobody") + "/ping").then().statusCode(404);
    given().post("/tenants/" + uniqueId("nobody") + "/ping").then().statusCode(401);
  }

  private static List<String> statuses(JsonPath report, String system) {
    return report.getList("checks.findAll { it.system == '" + system + "' }.status");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> section(Map<String, Object> body, String name) {
    return (Map<String, Object>) body.get(name);
  }
}

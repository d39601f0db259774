package io.mlconnector.sandbox.servicenow;

import static io.mlconnector.sandbox.servicenow.SnHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.sandbox.servicenow.table.AclDenial;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AclTest extends SimulatorFixture {
  private static final String TABLE = "/api/now/table/" + SUPPLIERS;

  private SnHttp nobody() {
    return SnHttp.basic(simulator.instanceUrl("acme"), "nobody", PASSWORD);
  }

  @Test
  void userWithoutTheRoleSeesNoRowsSilentlyByDefault() {
    insertSuppliers(2);
    HttpResponse<String> r = nobody().get(TABLE);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(json(r).path("result").size()).isZero();
    assertThat(nobody().get(TABLE + "/" + acme.list(SUPPLIERS).get(0).get("sys_id")).statusCode())
        .isEqualTo(404);
  }

  @Test
  void tableSwitchedToForbiddenAnswers403() {
    acme.setTableAcl(SUPPLIERS, AclDenial.FORBIDDEN, "sn_fcms_intg.integration_user");
    HttpResponse<String> r = nobody().get(TABLE);
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(json(r).path("status").asText()).isEqualTo("failure");
    assertThat(integration.get(TABLE).statusCode()).isEqualTo(200);
  }

  @Test
  void writesWithoutTheRoleAreRefusedWith403() {
    HttpResponse<String> r = nobody().post(TABLE, "{\"u_external_id\":\"X\"}");
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(json(r).path("error").path("detail").asText())
        .isEqualTo("ACL Exception Insert Failed due to security constraints");
    assertThat(acme.list(SUPPLIERS)).isEmpty();
  }

  @Test
  void rowAclsApplyAfterTheLimitSoShortPagesHappenWhileMoreRowsExist() {
    insertSuppliers(6);
    // SUP-000, SUP-001 and SUP-002 hidden: the first page of 3 comes back empty.
    acme.hideRows(SUPPLIERS, "u_external_idINSUP-000,SUP-001,SUP-002^ORu_external_id=SUP-004");

    HttpResponse<String> page1 = integration.get(TABLE + "?sysparm_limit=3&ORDERBYsys_id");
    assertThat(json(page1).path("result").size()).isZero();
    assertThat(page1.headers().firstValue("X-Total-Count")).hasValue("6");
    assertThat(page1.headers().firstValue("Link").orElseThrow()).contains("rel=\"next\"");

    HttpResponse<String> page2 = integration.get(TABLE + "?sysparm_limit=3&sysparm_offset=3");
    assertThat(json(page2).path("result").size()).isEqualTo(2);
    assertThat(page2.headers().firstValue("Link").orElseThrow()).doesNotContain("rel=\"next\"");

    SnHttp admin = SnHttp.basic(simulator.instanceUrl("acme"), "admin", PASSWORD);
    assertThat(json(admin.get(TABLE + "?sysparm_limit=3")).path("result").size()).isEqualTo(3);
    String hidden = acme.list(SUPPLIERS).get(0).get("sys_id");
    assertThat(integration.get(TABLE + "/" + hidden).statusCode()).isEqualTo(404);
  }

  @Test
  void outboundInvoicesNeedTheProcurementIntegratorRole() {
    acme.insert("sn_spend_intg_outbound_invoice", Map.of("invoice_number", "I1"));
    acme.addUser("staging.only", PASSWORD, "sn_fcms_intg.integration_user");
    SnHttp stagingOnly = SnHttp.basic(simulator.instanceUrl("acme"), "staging.only", PASSWORD);
    String path = "/api/now/table/sn_spend_intg_outbound_invoice";
    assertThat(json(stagingOnly.get(path)).path("result").size()).isZero();
    assertThat(json(integration.get(path)).path("result").size()).isEqualTo(1);
  }
}

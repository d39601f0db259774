package io.mlconnector.console.ping;

import static io.mlconnector.console.ConsoleApi.uniqueId;
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
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two sandbox tenants registered through the console: everything the console does for A reaches
 * only A's QAD tenant and ServiceNow instance, with A's credentials, and a token A's systems issue
 * is worthless at B's.
 */
@QuarkusTest
@QuarkusTestResource(StackResource.class)
class TenantIsolationTest {
  private static final String STAGING = "sn_fcms_intg_imp_supplier";

  @Test
  void pingOfTenantAReachesOnlyTenantAWithAsCredentials() {
    Credentials a = provision(uniqueId("iso-a"));
    Credentials b = provision(uniqueId("iso-b"));
    // A trap: A's instance also knows B's OAuth client, acting as a user without roles, so B's
    // credentials used at A would show as failed checks and as that user's writes.
    sn(a.id())
        .addUser("trap.user-of-b", "x")
        .addOAuthClient(b.snClientId(), b.snSecret(), "trap.user-of-b");
    Map<String, String> row =
        sn(a.id()).insert(STAGING, Map.of("u_external_id", "S-A", "u_name", "A's supplier"));
    register(a);
    register(b);
    // B's client, token and cached state exist in the console before A is pinged.
    assertThat(ping(b.id()).getBoolean("ready")).isTrue();
    resetCounters(a, b);

    JsonPath report = ping(a.id(), true);

    assertThat(report.getBoolean("ready")).as(report.prettify()).isTrue();
    assertThat(report.getList("checks.status")).containsOnly("PASSED");
    // A's systems saw the ping: logins and reads/writes.
    Map<String, Long> qadA = qad(a.id()).counters().snapshot();
    assertThat(qadA.get("POST /oauth/token")).isPositive();
    assertThat(qadA.get("GET /api/qracore/browses")).isGreaterThanOrEqualTo(8);
    assertThat(qadA.get("GET /api/erp/supplierInvoices")).isEqualTo(1);
    ServiceNowInstance snA = sn(a.id());
    assertThat(snA.counters().count("POST", "oauth_token.do")).isPositive();
    assertThat(snA.counters().reads()).isGreaterThanOrEqualTo(10);
    assertThat(snA.counters().writes()).isPositive();
    // B's systems saw nothing at all.
    assertThat(qad(b.id()).counters().snapshot()).isEmpty();
    assertThat(sn(b.id()).counters().snapshot())
        .containsEntry("endpoints", Map.of())
        .containsEntry("reads", 0L)
        .containsEntry("writes", 0L);
    // The write at A ran as A's application user, not as the user behind B's client.
    assertThat(snA.get(STAGING, row.get("sys_id")))
        .containsEntry("sys_updated_by", a.snUser())
        .containsEntry("u_name", "A's supplier");
  }

  @Test
  void aTokenIssuedByTenantAsSystemsIsRefusedByTenantBs() {
    Credentials a = provision(uniqueId("iso-ta"));
    Credentials b = provision(uniqueId("iso-tb"));

    String snToken =
        given()
            .formParam("grant_type", "client_credentials")
            .formParam("client_id", a.snClientId())
            .formParam("client_secret", a.snSecret())
            .post(PingSandbox.SN.instanceUrl(a.id()) + "/oauth_token.do")
            .then()
            .statusCode(200)
            .extract()
            .path("access_token");
    assertThat(sn(a.id()).tokens().validAccessToken(snToken)).isPresent();
    assertThat(sn(b.id()).tokens().validAccessToken(snToken)).isEmpty();
    assertThat(sn(b.id()).counters().snapshot()).containsEntry("endpoints", Map.of());
    given()
        .auth()
        .oauth2(snToken)
        .get(PingSandbox.SN.instanceUrl(b.id()) + "/api/now/table/cmn_cost_center?sysparm_limit=1")
        .then()
        .statusCode(401);
    given()
        .auth()
        .oauth2(snToken)
        .get(PingSandbox.SN.instanceUrl(a.id()) + "/api/now/table/cmn_cost_center?sysparm_limit=1")
        .then()
        .statusCode(200);

    String qadToken =
        given()
            .formParam("grant_type", "password")
            .formParam("client_id", a.qad().clientId())
            .formParam("username", a.qad().username())
            .formParam("password", a.qad().password())
            .post(PingSandbox.QAD.tenantUrl(a.id()) + "/oauth/token")
            .then()
            .statusCode(200)
            .extract()
            .path("access_token");
    String browse = "/api/qracore/browses?browseId=urn:browse:mfg:vd_mstr&page=1&pageSize=1";
    given()
        .auth()
        .oauth2(qadToken)
        .header("x-qad-workspace-id", b.qad().workspaceId())
        .get(PingSandbox.QAD.tenantUrl(b.id()) + browse)
        .then()
        .statusCode(401);
    given()
        .auth()
        .oauth2(qadToken)
        .header("x-qad-workspace-id", a.qad().workspaceId())
        .get(PingSandbox.QAD.tenantUrl(a.id()) + browse)
        .then()
        .statusCode(200);
    // B's credentials do not open A's systems either.
    given()
        .formParam("grant_type", "password")
        .formParam("client_id", b.qad().clientId())
        .formParam("username", b.qad().username())
        .formParam("password", b.qad().password())
        .post(PingSandbox.QAD.tenantUrl(a.id()) + "/oauth/token")
        .then()
        .statusCode(400);
  }

  private static void resetCounters(Credentials... tenants) {
    for (Credentials c : tenants) {
      qad(c.id()).counters().reset();
      sn(c.id()).counters().reset();
    }
  }
}

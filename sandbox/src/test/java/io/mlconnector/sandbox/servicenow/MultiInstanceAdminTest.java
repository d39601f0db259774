package io.mlconnector.sandbox.servicenow;

import static io.mlconnector.sandbox.servicenow.SnHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class MultiInstanceAdminTest extends SimulatorFixture {
  private static final String TABLE = "/api/now/table/" + SUPPLIERS;

  @Test
  void instancesCreatedOverTheAdminEndpointAreIsolatedTenants() {
    SnHttp admin = SnHttp.anonymous(simulator.baseUri() + "/sn-admin");
    assertThat(admin.send("PUT", "/globex", null).statusCode()).isEqualTo(201);
    admin.post(
        "/globex/users",
        "{\"user_name\":\"g.user\",\"password\":\"pw\",\"roles\":[\"sn_fcms_intg.integration_user\"]}");
    admin.post(
        "/globex/oauth-clients",
        "{\"client_id\":\"g\",\"client_secret\":\"gs\",\"application_user\":\"g.user\",\"token_lifetime_seconds\":5}");
    admin.send(
        "PUT",
        "/globex/properties",
        "{\"" + ServiceNowInstance.CLIENT_CREDENTIALS_PROPERTY + "\":\"true\"}");

    HttpResponse<String> token =
        SnHttp.form(
            simulator.instanceUrl("globex") + "/oauth_token.do",
            "grant_type",
            "client_credentials",
            "client_id",
            "g",
            "client_secret",
            "gs");
    assertThat(json(token).path("expires_in").asInt()).isEqualTo(5);
    SnHttp globex =
        SnHttp.bearer(simulator.instanceUrl("globex"), json(token).path("access_token").asText());
    globex.post(TABLE, "{\"u_external_id\":\"G1\"}");

    assertThat(simulator.instance("globex").list(SUPPLIERS)).hasSize(1);
    assertThat(acme.list(SUPPLIERS)).isEmpty();
    // acme's users do not exist on globex
    assertThat(
            SnHttp.basic(simulator.instanceUrl("globex"), INTEGRATION_USER, PASSWORD)
                .get(TABLE)
                .statusCode())
        .isEqualTo(401);
  }

  @Test
  void unknownInstanceAnswers404() {
    assertThat(SnHttp.anonymous(simulator.instanceUrl("nowhere")).get(TABLE).statusCode())
        .isEqualTo(404);
  }

  @Test
  void adminEndpointsConfigureAclsRateLimitsAndRows() {
    SnHttp admin = SnHttp.anonymous(simulator.baseUri() + "/sn-admin/acme");
    admin.send(
        "PUT", "/acl/" + SUPPLIERS, "{\"roles\":[\"x_role\"],\"denied_read\":\"FORBIDDEN\"}");
    assertThat(integration.get(TABLE).statusCode()).isEqualTo(403);
    admin.send("PUT", "/acl/" + SUPPLIERS, "{\"roles\":[\"sn_fcms_intg.integration_user\"]}");

    admin.send("PUT", "/rate-limits", "{\"per_hour\":7}");
    assertThat(integration.get(TABLE).headers().firstValue("X-RateLimit-Limit")).hasValue("7");

    String sysId =
        json(admin.post("/tables/" + SUPPLIERS, "{\"u_external_id\":\"A1\"}"))
            .path("result")
            .path("sys_id")
            .asText();
    admin.send("PATCH", "/tables/" + SUPPLIERS + "/" + sysId, "{\"u_name\":\"Direct\"}");
    assertThat(
            json(admin.get("/tables/" + SUPPLIERS)).path("result").get(0).path("u_name").asText())
        .isEqualTo("Direct");
    assertThat(
            json(admin.post("/tables/" + SUPPLIERS + "/touch", "{\"rows\":1}"))
                .path("touched")
                .size())
        .isEqualTo(1);
    assertThat(acme.get(SUPPLIERS, sysId)).containsEntry("sys_mod_count", "2");

    admin.post("/hidden-rows", "{\"table\":\"" + SUPPLIERS + "\",\"query\":\"u_external_id=A1\"}");
    assertThat(json(integration.get(TABLE)).path("result").size()).isZero();
    assertThat(acme.list(SUPPLIERS)).extracting(r -> r.get("u_external_id")).containsExactly("A1");
  }
}

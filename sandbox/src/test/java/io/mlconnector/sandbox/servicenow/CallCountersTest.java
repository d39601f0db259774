package io.mlconnector.sandbox.servicenow;

import static io.mlconnector.sandbox.servicenow.SnHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class CallCountersTest extends SimulatorFixture {
  private static final String TABLE = "/api/now/table/" + SUPPLIERS;

  @Test
  void callsAreCountedPerMethodAndTableWithReadsAndWrites() {
    String sysId =
        json(integration.post(TABLE, "{\"u_external_id\":\"S1\"}"))
            .path("result")
            .path("sys_id")
            .asText();
    integration.get(TABLE);
    integration.get("/api/now/v2/table/" + SUPPLIERS + "/" + sysId);
    integration.send("PATCH", TABLE + "/" + sysId, "{\"u_name\":\"x\"}");
    SnHttp.anonymous(simulator.instanceUrl("acme")).get(TABLE); // 401s count too

    assertThat(acme.counters().count("GET", "table/" + SUPPLIERS)).isEqualTo(3);
    assertThat(acme.counters().count("POST", "table/" + SUPPLIERS)).isEqualTo(1);
    assertThat(acme.counters().count("PATCH", "table/" + SUPPLIERS)).isEqualTo(1);
    assertThat(acme.counters().reads()).isEqualTo(3);
    assertThat(acme.counters().writes()).isEqualTo(2);
  }

  @Test
  void countersAreReadableAndResettableOverTheAdminEndpoint() {
    integration.get(TABLE);
    SnHttp admin = SnHttp.anonymous(simulator.baseUri() + "/sn-admin/acme");

    JsonNode counters = json(admin.get("/counters"));
    assertThat(counters.path("endpoints").path("GET table/" + SUPPLIERS).asLong()).isEqualTo(1);
    assertThat(counters.path("reads").asLong()).isEqualTo(1);

    assertThat(admin.send("DELETE", "/counters", null).statusCode()).isEqualTo(204);
    assertThat(json(admin.get("/counters")).path("reads").asLong()).isZero();
  }

  @Test
  void batchCountsOnceAsBatchAndOncePerSubRequest() {
    String body =
        "{\"batch_request_id\":\"1\",\"rest_requests\":[{\"id\":\"a\",\"method\":\"GET\","
            + "\"url\":\"/api/now/table/"
            + SUPPLIERS
            + "\"}]}";
    integration.post("/api/now/v1/batch", body);
    assertThat(acme.counters().count("POST", "batch")).isEqualTo(1);
    assertThat(acme.counters().count("GET", "table/" + SUPPLIERS)).isEqualTo(1);
  }
}

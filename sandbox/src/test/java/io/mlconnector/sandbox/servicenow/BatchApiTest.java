package io.mlconnector.sandbox.servicenow;

import static io.mlconnector.sandbox.servicenow.SnHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.sandbox.servicenow.fault.FaultSwitches;
import io.mlconnector.sandbox.servicenow.traffic.LatencyModel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class BatchApiTest extends SimulatorFixture {

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  private static String decoded(JsonNode item) {
    return new String(
        Base64.getDecoder().decode(item.path("body").asText()), StandardCharsets.UTF_8);
  }

  private static String insert(String id, String externalId) {
    return "{\"id\":\""
        + id
        + "\",\"method\":\"POST\",\"url\":\"/api/now/table/"
        + SUPPLIERS
        + "\","
        + "\"headers\":[{\"name\":\"Content-Type\",\"value\":\"application/json\"}],"
        + "\"body\":\""
        + b64("{\"u_external_id\":\"" + externalId + "\"}")
        + "\","
        + "\"exclude_response_headers\":true}";
  }

  @Test
  void subRequestsRunWithBase64BodiesAndAnswerPerId() throws Exception {
    String body =
        "{\"batch_request_id\":\"b1\",\"rest_requests\":["
            + insert("a", "S1")
            + ","
            + "{\"id\":\"b\",\"method\":\"GET\",\"url\":\"/api/now/v1/table/"
            + SUPPLIERS
            + "?sysparm_query=u_external_id%3DS1\"}]}";

    JsonNode response = json(integration.post("/api/now/v1/batch", body));

    assertThat(response.path("batch_request_id").asText()).isEqualTo("b1");
    JsonNode created = response.path("serviced_requests").get(0);
    assertThat(created.path("id").asText()).isEqualTo("a");
    assertThat(created.path("status_code").asInt()).isEqualTo(201);
    assertThat(created.path("headers").size()).isZero();
    assertThat(SnHttp.JSON.readTree(decoded(created)).path("result").path("u_external_id").asText())
        .isEqualTo("S1");
    JsonNode read = response.path("serviced_requests").get(1);
    assertThat(read.path("status_code").asInt()).isEqualTo(200);
    assertThat(read.path("headers").toString()).contains("X-Total-Count");
    assertThat(SnHttp.JSON.readTree(decoded(read)).path("result").size()).isEqualTo(1);
    assertThat(response.path("unserviced_requests").size()).isZero();
  }

  @Test
  void requestsPastTheBatchLimitComeBackUnserviced() {
    acme.setBatchLimit(2);
    String body =
        "{\"batch_request_id\":\"b2\",\"rest_requests\":["
            + insert("1", "S1")
            + ","
            + insert("2", "S2")
            + ","
            + insert("3", "S3")
            + ","
            + insert("4", "S4")
            + "]}";

    JsonNode response = json(integration.post("/api/now/v1/batch", body));

    assertThat(response.path("serviced_requests").size()).isEqualTo(2);
    assertThat(response.path("unserviced_requests").toString()).isEqualTo("[\"3\",\"4\"]");
    assertThat(acme.list(SUPPLIERS))
        .extracting(r -> r.get("u_external_id"))
        .containsExactly("S1", "S2");
  }

  @Test
  void subRequestFailuresStayInsideTheBatch() throws Exception {
    String body =
        "{\"batch_request_id\":\"b3\",\"rest_requests\":[{\"id\":\"x\",\"method\":\"GET\","
            + "\"url\":\"/api/now/table/"
            + SUPPLIERS
            + "/0123456789abcdef0123456789abcdef\"}]}";
    JsonNode item =
        json(integration.post("/api/now/v1/batch", body)).path("serviced_requests").get(0);
    assertThat(item.path("status_code").asInt()).isEqualTo(404);
    assertThat(SnHttp.JSON.readTree(decoded(item)).path("error").path("message").asText())
        .isEqualTo("No Record found");
  }

  @Test
  void theTransactionQuotaLeavesTheRestUnserviced() {
    acme.setBatchTimeQuota(Duration.ofMillis(150));
    acme.latencyModel().set(new LatencyModel.Settings(0, 100, 0));
    try {
      String body =
          "{\"batch_request_id\":\"b4\",\"rest_requests\":["
              + insert("1", "S1")
              + ","
              + insert("2", "S2")
              + ","
              + insert("3", "S3")
              + "]}";

      JsonNode response = json(integration.post("/api/now/v1/batch", body));

      assertThat(response.path("serviced_requests").size()).isEqualTo(2);
      assertThat(response.path("unserviced_requests").toString()).isEqualTo("[\"3\"]");
      assertThat(acme.list(SUPPLIERS))
          .extracting(r -> r.get("u_external_id"))
          .containsExactly("S1", "S2");
    } finally {
      acme.latencyModel().set(LatencyModel.Settings.NONE);
      acme.setBatchTimeQuota(Duration.ofSeconds(30));
    }
  }

  @Test
  void aSubRequestFaultFailsOnlyThatSubRequest() throws Exception {
    acme.faults().failBatchSubRequests(1, new FaultSwitches.SubRequestFault("POST", 500, true));
    String body =
        "{\"batch_request_id\":\"b5\",\"rest_requests\":["
            + insert("1", "S1")
            + ","
            + insert("2", "S2")
            + "]}";

    JsonNode served = json(integration.post("/api/now/v1/batch", body)).path("serviced_requests");

    assertThat(served.get(0).path("status_code").asInt()).isEqualTo(500);
    assertThat(served.get(1).path("status_code").asInt()).isEqualTo(201);
    // applied: the first insert ran although its answer says 500 (an outcome-unknown write)
    assertThat(acme.list(SUPPLIERS))
        .extracting(r -> r.get("u_external_id"))
        .containsExactly("S1", "S2");

    acme.faults().failBatchSubRequests(1, new FaultSwitches.SubRequestFault("POST", 429, false));
    JsonNode limited =
        json(integration.post(
                "/api/now/v1/batch", "{\"rest_requests\":[" + insert("3", "S3") + "]}"))
            .path("serviced_requests")
            .get(0);
    assertThat(limited.path("status_code").asInt()).isEqualTo(429);
    assertThat(acme.list(SUPPLIERS)).hasSize(2);
  }
}

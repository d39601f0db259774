package io.mlconnector.sandbox.servicenow;

import static io.mlconnector.sandbox.servicenow.SnHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.sandbox.servicenow.traffic.LatencyModel;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

/**
 * The latency model is a behaviour of the simulated instance (a call waits at least what it is
 * configured to), and the JDK server under the simulators answers with TCP_NODELAY. Lower bounds
 * only: nothing here asserts how fast anything is.
 */
class LatencyModelTest extends SimulatorFixture {

  @Test
  void theJdkServerUnderTheSimulatorsRunsWithNoDelay() throws Exception {
    // The JDK server reads the switch once per JVM into this class; reading it back shows that
    // what SimServer and the build set before the first server started is what the server uses.
    Class<?> config = Class.forName("sun.net.httpserver.ServerConfig");
    Method noDelay = config.getDeclaredMethod("noDelay");
    noDelay.setAccessible(true);

    assertThat(noDelay.invoke(null)).isEqualTo(true);
  }

  @Test
  void aFreshInstanceHasNoLatencyAndAdminSetsEachFigure() {
    SnHttp admin = SnHttp.anonymous(simulator.baseUri() + "/sn-admin/acme");
    assertThat(json(admin.get("/latency")).toString())
        .isEqualTo("{\"table_call_ms\":0,\"batch_sub_request_ms\":0,\"token_ms\":0}");

    admin.send("PUT", "/latency", "{\"table_call_ms\":200}");
    admin.send("PUT", "/latency", "{\"token_ms\":50}");
    admin.send("DELETE", "/faults", null);

    assertThat(acme.latencyModel().settings()).isEqualTo(new LatencyModel.Settings(200, 0, 50));
    assertThat(admin.send("PUT", "/latency", "{\"token_ms\":-1}").statusCode()).isEqualTo(400);
  }

  @Test
  void aTableCallWaitsItsConfiguredLatency() {
    insertSuppliers(1);
    SnHttp.anonymous(simulator.baseUri() + "/sn-admin/acme")
        .send("PUT", "/latency", "{\"table_call_ms\":200}");

    long started = System.nanoTime();
    var response = integration.get("/api/now/table/" + SUPPLIERS);
    long tookMs = (System.nanoTime() - started) / 1_000_000;

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).path("result").size()).isEqualTo(1);
    assertThat(tookMs).isGreaterThanOrEqualTo(200);
  }

  @Test
  void aBatchWaitsPerSubRequestItServices() {
    acme.latencyModel().set(new LatencyModel.Settings(0, 100, 0));
    String get = "{\"id\":\"%s\",\"method\":\"GET\",\"url\":\"/api/now/table/" + SUPPLIERS + "\"}";
    String body =
        "{\"batch_request_id\":\"b\",\"rest_requests\":["
            + String.format(get, "1")
            + ","
            + String.format(get, "2")
            + ","
            + String.format(get, "3")
            + "]}";

    long started = System.nanoTime();
    JsonNode response = json(integration.post("/api/now/v1/batch", body));
    long tookMs = (System.nanoTime() - started) / 1_000_000;

    assertThat(response.path("serviced_requests").size()).isEqualTo(3);
    assertThat(tookMs).isGreaterThanOrEqualTo(300);
  }

  @Test
  void aTokenRequestWaitsItsLatencyAndTheSimulatorGivesNewInstancesItsModel() {
    simulator.latencyModel(new LatencyModel.Settings(0, 0, 150));
    ServiceNowInstance later =
        simulator
            .addInstance("later")
            .addUser("app", PASSWORD, "sn_fcms_intg.integration_user")
            .addOAuthClient("mlc", "secret", "app")
            .enableClientCredentialsGrant();

    long started = System.nanoTime();
    var response =
        SnHttp.form(
            simulator.instanceUrl("later") + "/oauth_token.do",
            "grant_type",
            "client_credentials",
            "client_id",
            "mlc",
            "client_secret",
            "secret");
    long tookMs = (System.nanoTime() - started) / 1_000_000;

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).path("access_token").asText()).isNotEmpty();
    assertThat(tookMs).isGreaterThanOrEqualTo(150);
    assertThat(later.latencyModel().settings().tokenMs()).isEqualTo(150);
    assertThat(acme.latencyModel().settings().tokenMs()).isEqualTo(150);
  }
}

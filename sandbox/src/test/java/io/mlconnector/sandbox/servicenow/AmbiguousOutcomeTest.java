package io.mlconnector.sandbox.servicenow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Table API POST, PATCH and the Batch API with their answer lost after the write was applied: the
 * rows exist (or are changed) although the client saw a reset, a timeout, a 502 or a cut body.
 */
class AmbiguousOutcomeTest extends SimulatorFixture {
  private static final String TABLE = "/api/now/table/" + SUPPLIERS;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /** Switches the fault through the admin API, as a harness in another process does. */
  private void lose(String endpoint, String mode, long timeoutMs) {
    HttpResponse<String> r =
        send(
            "PUT",
            simulator.baseUri() + "/sn-admin/acme/faults/ambiguous",
            null,
            "{\"endpoint\":\""
                + endpoint
                + "\",\"rate\":1.0,\"mode\":\""
                + mode
                + "\",\"timeout_ms\":"
                + timeoutMs
                + "}",
            Duration.ofSeconds(5));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
  }

  private HttpResponse<String> api(String method, String path, String json, Duration timeout) {
    String basic =
        Base64.getEncoder()
            .encodeToString((INTEGRATION_USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    return send(method, simulator.instanceUrl("acme") + path, "Basic " + basic, json, timeout);
  }

  private HttpResponse<String> send(
      String method, String url, String auth, String json, Duration timeout) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json == null ? "" : json));
    if (auth != null) {
      b.header("Authorization", auth);
    }
    try {
      return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new LostAnswerSeen(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The client got no answer at all. */
  static final class LostAnswerSeen extends RuntimeException {
    LostAnswerSeen(IOException cause) {
      super(cause);
    }
  }

  private long rows(String externalId) {
    return acme.rows().snapshot(SUPPLIERS).stream()
        .filter(r -> externalId.equals(r.get("u_external_id")))
        .count();
  }

  @Test
  void tablePostWithResetLeavesTheRow() {
    lose("table_post", "RESET", 0);
    assertThatThrownBy(
            () -> api("POST", TABLE, "{\"u_external_id\":\"S-1\"}", Duration.ofSeconds(5)))
        .isInstanceOf(LostAnswerSeen.class);
    assertThat(rows("S-1")).isEqualTo(1);
  }

  @Test
  void tablePostWithTimeoutLeavesTheRow() {
    lose("table_post", "TIMEOUT", 3000);
    assertThatThrownBy(
            () -> api("POST", TABLE, "{\"u_external_id\":\"S-2\"}", Duration.ofMillis(500)))
        .hasCauseInstanceOf(HttpTimeoutException.class);
    assertThat(rows("S-2")).isEqualTo(1);
  }

  @Test
  void tablePatchWithBadGatewayIsApplied() {
    insertSuppliers(1);
    String sysId = acme.rows().snapshot(SUPPLIERS).get(0).get("sys_id").toString();
    lose("table_patch", "BAD_GATEWAY", 0);
    HttpResponse<String> r =
        api("PATCH", TABLE + "/" + sysId, "{\"u_name\":\"Renamed\"}", Duration.ofSeconds(5));
    assertThat(r.statusCode()).isEqualTo(502);
    Map<String, String> row = acme.rows().snapshot(SUPPLIERS).get(0);
    assertThat(row.get("u_name")).isEqualTo("Renamed");
  }

  @Test
  void batchWithTruncatedBodyCreatedItsRows() {
    lose("batch", "TRUNCATED", 0);
    String sub =
        Base64.getEncoder()
            .encodeToString("{\"u_external_id\":\"S-3\"}".getBytes(StandardCharsets.UTF_8));
    String body =
        "{\"batch_request_id\":\"b1\",\"rest_requests\":[{\"id\":\"a\",\"method\":\"POST\","
            + "\"url\":\"/api/now/table/"
            + SUPPLIERS
            + "\",\"headers\":[{\"name\":\"Content-Type\",\"value\":\"application/json\"}],"
            + "\"body\":\""
            + sub
            + "\"}]}";
    HttpResponse<String> r = api("POST", "/api/now/v1/batch", body, Duration.ofSeconds(5));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThatThrownBy(() -> SnHttp.JSON.readTree(r.body())).isInstanceOf(IOException.class);
    assertThat(rows("S-3")).isEqualTo(1);
    assertThat(acme.faults().ambiguousWrites().snapshot().toString()).contains("batch:TRUNCATED=1");
  }

  @Test
  void readsAreNeverHitAndClearSwitchesOff() {
    lose("table_post", "RESET", 0);
    assertThat(api("GET", TABLE, null, Duration.ofSeconds(5)).statusCode()).isEqualTo(200);
    acme.faults().clear();
    assertThat(
            api("POST", TABLE, "{\"u_external_id\":\"S-4\"}", Duration.ofSeconds(5)).statusCode())
        .isEqualTo(201);
  }
}

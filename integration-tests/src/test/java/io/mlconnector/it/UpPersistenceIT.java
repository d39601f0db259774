package io.mlconnector.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./mlc up} is a single-machine production mode: with nothing configured it generates its
 * operator token and credential key once (owner-only), a tenant registered through the console
 * survives a stop and a start (PostgreSQL's data and Kafka's log dir are kept), and {@code ./mlc
 * status} / {@code ./mlc ping} work against it with one clear line and exit code 2 for a user
 * error.
 */
class UpPersistenceIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void aTenantRegisteredUnderUpIsThereAfterARestart(@TempDir Path state) throws Exception {
    UpLauncher launcher = new UpLauncher(state);
    URI console = URI.create("http://127.0.0.1:" + launcher.httpPort);
    Process up = launcher.start(state.resolveSibling(state.getFileName() + "-up1.log"));
    String token;
    try {
      Path secrets = state.resolve("secrets.env");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets)))
          .isEqualTo("rw-------");
      token = tokenIn(secrets);
      HttpResponse<String> created =
          send(
              token,
              HttpRequest.newBuilder(console.resolve("/tenants"))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(tenant("up-kept"))));
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

      Result status = run(launcher.mlc("status"));
      assertThat(status.code).as(status.out).isZero();
      assertThat(status.out).contains("console", "http://127.0.0.1:" + launcher.httpPort, "UP");

      Result nope = run(launcher.mlc("ping", "nope"));
      assertThat(nope.code).as(nope.out).isEqualTo(2);
      assertThat(nope.out.strip().lines()).as(nope.out).hasSize(1);
      assertThat(nope.out).contains("nope").doesNotContain("Exception", "\tat ");
    } finally {
      UpLauncher.stop(up);
    }
    assertThat(Files.exists(state.resolve("fleet.json"))).as("fleet.json removed").isFalse();

    Process again = launcher.start(state.resolveSibling(state.getFileName() + "-up2.log"));
    try {
      assertThat(tokenIn(state.resolve("secrets.env"))).as("same token").isEqualTo(token);
      HttpResponse<String> found =
          send(token, HttpRequest.newBuilder(console.resolve("/tenants/up-kept")).GET());
      assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
      assertThat(new ObjectMapper().readTree(found.body()).path("servicenow").path("clientSecret"))
          .as("the secret still decrypts under the kept key")
          .hasToString("\"****\"");
    } finally {
      UpLauncher.stop(again);
    }
  }

  private static String tokenIn(Path secrets) throws Exception {
    return Files.readAllLines(secrets).stream()
        .filter(l -> l.startsWith("MLC_CONSOLE_API_TOKEN="))
        .map(l -> l.substring(l.indexOf('=') + 1).replace("'", ""))
        .findFirst()
        .orElseThrow();
  }

  private static HttpResponse<String> send(String token, HttpRequest.Builder request)
      throws Exception {
    return HTTP.send(
        request.header("Authorization", "Bearer " + token).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** TEST-NET addresses: public by the URL policy, need no DNS, and nothing answers there. */
  private static String tenant(String id) throws Exception {
    Map<String, Object> qad = new LinkedHashMap<>();
    qad.put("baseUrl", "https://192.0.2.10/qad-central/api");
    qad.put("workspace", "kept-prod");
    qad.put("clientId", "qad-client");
    qad.put("username", "svc-connector");
    qad.put("password", "qad-secret");
    Map<String, Object> sn = new LinkedHashMap<>();
    sn.put("instanceUrl", "https://198.51.100.7");
    sn.put("clientId", "sn-client");
    sn.put("clientSecret", "sn-secret");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", id);
    body.put("displayName", "Kept");
    body.put("qad", qad);
    body.put("servicenow", sn);
    return new ObjectMapper().writeValueAsString(body);
  }

  record Result(int code, String out) {}

  private static Result run(ProcessBuilder builder) throws Exception {
    Process p = builder.redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), out);
  }
}

package io.mlconnector.sandbox.servicenow;

import static io.mlconnector.sandbox.servicenow.SnHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FaultInjectionTest extends SimulatorFixture {
  private static final String TABLE = "/api/now/table/" + SUPPLIERS;

  @Test
  void latencyDelaysEveryCall() {
    acme.faults().latency(Duration.ofMillis(300));
    long started = System.nanoTime();
    integration.get(TABLE);
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isGreaterThanOrEqualTo(Duration.ofMillis(300));
  }

  @Test
  void serverErrorsAnswerHtmlWithThe5xxStatus() {
    acme.faults().serverErrors(1.0, 502);
    HttpResponse<String> r = integration.get(TABLE);
    assertThat(r.statusCode()).isEqualTo(502);
    assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    acme.faults().serverErrors(0, 503);
    assertThat(integration.get(TABLE).statusCode()).isEqualTo(200);
  }

  @Test
  void rateLimitStormAnswers429ForTheNextCalls() {
    acme.faults().rateLimitStorm(2, 7);
    for (int i = 0; i < 2; i++) {
      HttpResponse<String> r = integration.get(TABLE);
      assertThat(r.statusCode()).isEqualTo(429);
      assertThat(r.headers().firstValue("Retry-After")).hasValue("7");
      assertThat(json(r).path("error").path("message").asText()).isEqualTo("Rate limit exceeded");
    }
    assertThat(integration.get(TABLE).statusCode()).isEqualTo(200);
  }

  @Test
  void truncatedAndHtmlBodiesAreNotJson() {
    insertSuppliers(3);
    acme.faults().truncateBodies(1).htmlPages(1);
    HttpResponse<String> html = integration.get(TABLE);
    assertThat(html.statusCode()).isEqualTo(200);
    assertThat(html.body()).startsWith("<!DOCTYPE html>");
    HttpResponse<String> truncated = integration.get(TABLE);
    assertThatThrownBy(() -> SnHttp.JSON.readTree(truncated.body())).isInstanceOf(Exception.class);
    assertThat(json(integration.get(TABLE)).path("result").size()).isEqualTo(3);
  }

  @Test
  void rowsTouchedAfterTheFirstPageMakeOffsetPagingSkipRows() {
    insertSuppliers(6);
    clock.advance(Duration.ofSeconds(1));
    acme.faults().touchRowsAfterFirstPage(SUPPLIERS, 2);
    String page = TABLE + "?sysparm_limit=3&sysparm_query=ORDERBYsys_updated_on&sysparm_offset=";

    JsonNode first = json(integration.get(page + 0)).path("result");
    JsonNode second = json(integration.get(page + 3)).path("result");

    java.util.Set<String> seen = new java.util.HashSet<>();
    first.forEach(r -> seen.add(r.path("u_external_id").asText()));
    second.forEach(r -> seen.add(r.path("u_external_id").asText()));
    assertThat(seen).hasSizeLessThan(6);
    assertThat(acme.list(SUPPLIERS).get(0).get("sys_updated_on")).isEqualTo("2024-05-01 10:00:01");
  }

  @Test
  void pinnedWriteTimePutsManyRowsOnOneSecond() {
    acme.faults().pinWriteTime(Instant.parse("2024-05-01T09:59:59Z"));
    for (int i = 0; i < 250; i++) {
      clock.advance(Duration.ofMillis(700));
      acme.insert(SUPPLIERS, Map.of("u_external_id", "S" + i));
    }
    assertThat(acme.list(SUPPLIERS))
        .allMatch(r -> r.get("sys_updated_on").equals("2024-05-01 09:59:59"));
  }

  @Test
  void faultsAreSwitchableOverTheAdminEndpoint() {
    SnHttp admin = SnHttp.anonymous(simulator.baseUri() + "/sn-admin/acme");
    assertThat(
            admin
                .send("PUT", "/faults", "{\"rate_limit_storm\":1,\"retry_after_seconds\":3}")
                .statusCode())
        .isEqualTo(204);
    assertThat(json(admin.get("/faults")).path("rate_limit_storm_remaining").asInt()).isEqualTo(1);
    assertThat(integration.get(TABLE).headers().firstValue("Retry-After")).hasValue("3");

    admin.send("PUT", "/faults", "{\"server_error_rate\":1.0}");
    assertThat(integration.get(TABLE).statusCode()).isEqualTo(503);
    admin.send("DELETE", "/faults", null);
    assertThat(integration.get(TABLE).statusCode()).isEqualTo(200);
  }

  @Test
  void tokenRevocationOverTheAdminEndpoint() {
    acme.addOAuthClient("mlc", "cs", INTEGRATION_USER).enableClientCredentialsGrant();
    String token =
        json(SnHttp.form(
                simulator.instanceUrl("acme") + "/oauth_token.do",
                "grant_type",
                "client_credentials",
                "client_id",
                "mlc",
                "client_secret",
                "cs"))
            .path("access_token")
            .asText();
    SnHttp bearer = SnHttp.bearer(simulator.instanceUrl("acme"), token);
    assertThat(bearer.get(TABLE).statusCode()).isEqualTo(200);

    HttpResponse<String> revoked =
        SnHttp.anonymous(simulator.baseUri() + "/sn-admin/acme").post("/tokens/revoke", "{}");
    assertThat(json(revoked).path("revoked").asInt()).isEqualTo(1);
    assertThat(bearer.get(TABLE).statusCode()).isEqualTo(401);
  }
}

package io.mlconnector.snclient;

import static io.mlconnector.sandbox.http.StubServer.reply;
import static io.mlconnector.snclient.SimulatedTenants.SUPPLIERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.mlconnector.common.tenant.Secret;
import io.mlconnector.common.tenant.Tenant;
import io.mlconnector.sandbox.http.StubServer;
import io.mlconnector.sandbox.servicenow.ServiceNowInstance;
import io.mlconnector.snclient.error.ServiceNowException;
import io.mlconnector.snclient.error.ServiceNowUnavailableException;
import io.mlconnector.snclient.query.TableQuery;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The bounds of one call: Retry-After cap, answer size, pages per query, no token redirects. */
@QuarkusTest
class ServiceNowLimitsTest extends SimulatorTest {
  private StubServer stub;

  @AfterEach
  void stopStub() {
    if (stub != null) {
      stub.close();
    }
  }

  @Test
  void retryAfterAboveTheCapOpensTheBreakerInsteadOfHoldingTheThread() {
    String name = SimulatedTenants.uniqueId();
    ServiceNowInstance sn = SimulatedTenants.ready(sim, name);
    ServiceNowClient client = client(name, false);
    client.query(TableQuery.of(SUPPLIERS));
    sn.counters().reset();
    sn.faults().rateLimitStorm(1, 86400);

    // The thread is handed back at once (not after a day), with the reason.
    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () ->
            assertThatThrownBy(() -> client.query(TableQuery.of(SUPPLIERS)))
                .isInstanceOf(ServiceNowUnavailableException.class)
                .hasMessageContaining("Retry-After 86400 s"));
    sn.faults().clear();
    assertThatThrownBy(() -> client.query(TableQuery.of(SUPPLIERS)))
        .isInstanceOf(ServiceNowUnavailableException.class)
        .hasMessageContaining("circuit open");

    assertThat(sn.counters().count("GET", "table/" + SUPPLIERS)).isEqualTo(1);
  }

  @Test
  void retryAfterAsAnHttpDateIsWaitedOutUntilThatDate() throws IOException {
    Instant until = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
    String date =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(until, ZoneOffset.UTC));
    List<Instant> arrivals = new CopyOnWriteArrayList<>();
    startStub(
        exchange -> {
          if (exchange.getRequestURI().getPath().endsWith("/oauth_token.do")) {
            reply(exchange, 200, token());
            return;
          }
          arrivals.add(Instant.now());
          if (arrivals.size() == 1) {
            exchange.getResponseHeaders().add("Retry-After", date);
            reply(exchange, 429, "{}".getBytes(StandardCharsets.UTF_8));
          } else {
            reply(exchange, 200, "{\"result\":[]}".getBytes(StandardCharsets.UTF_8));
          }
        });
    ServiceNowClient client = clients.forTenant(stubTenant());

    assertThat(client.query(TableQuery.of(SUPPLIERS)).records()).isEmpty();

    assertThat(arrivals).hasSize(2);
    assertThat(arrivals.get(1))
        .as("the retry came at or after the date asked")
        .isAfterOrEqualTo(until);
  }

  @Test
  void anAnswerLargerThanTheLimitIsRefused() throws IOException {
    byte[] huge = hugeTablePage(50 * 1024 * 1024);
    startStub(
        exchange -> {
          if (exchange.getRequestURI().getPath().endsWith("/oauth_token.do")) {
            reply(exchange, 200, token());
          } else {
            reply(exchange, 200, huge);
          }
        });
    ServiceNowClient client = clients.forTenant(stubTenant());

    assertThatThrownBy(() -> client.query(TableQuery.of(SUPPLIERS)))
        .isInstanceOf(ServiceNowException.class)
        .hasMessageContaining("larger than the limit")
        .hasMessageContaining("mlc.servicenow.max-body-bytes");
  }

  @Test
  void queryAllStopsWithAClearErrorBeyondTheMaximumOfPages() {
    String name = SimulatedTenants.uniqueId();
    ServiceNowInstance sn = SimulatedTenants.ready(sim, name);
    for (int i = 0; i < 30; i++) {
      sn.insert(SUPPLIERS, Map.of("u_external_id", "V" + i));
    }
    ServiceNowClient client = client(name, false);

    // Test config: mlc.servicenow.max-pages-per-query=20; 30 rows at one per page is too many.
    assertThatThrownBy(() -> client.queryAll(TableQuery.of(SUPPLIERS).pageSize(1)))
        .isInstanceOf(ServiceNowException.class)
        .hasMessageContaining("more than 20 pages");
    assertThat(sn.counters().count("GET", "table/" + SUPPLIERS)).isEqualTo(20);
  }

  @Test
  void aRedirectFromTheTokenEndpointIsNotFollowed() throws IOException {
    startStub(
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          if (path.endsWith("/sn/stub/oauth_token.do")) {
            exchange.getResponseHeaders().add("Location", "/elsewhere/oauth_token.do");
            reply(exchange, 303, new byte[0]);
          } else if (path.startsWith("/elsewhere")) {
            reply(exchange, 200, token());
          } else {
            reply(exchange, 200, "{\"result\":[]}".getBytes(StandardCharsets.UTF_8));
          }
        });
    ServiceNowClient client = clients.forTenant(stubTenant());

    assertThatThrownBy(() -> client.query(TableQuery.of(SUPPLIERS)))
        .isInstanceOf(ServiceNowException.class);
    assertThat(stub.hits()).contains("POST /sn/stub/oauth_token.do");
    assertThat(stub.hits()).noneMatch(hit -> hit.contains("/elsewhere"));
    assertThat(stub.hits()).noneMatch(hit -> hit.contains("/api/now/table"));
  }

  @Test
  void aRedirectOfAnApiCallIsNotFollowed() throws IOException {
    startStub(
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          if (path.endsWith("/oauth_token.do")) {
            reply(exchange, 200, token());
          } else if (path.startsWith("/elsewhere")) {
            reply(exchange, 200, "{\"result\":[]}");
          } else {
            exchange.getResponseHeaders().add("Location", "/elsewhere/api/now/table/x");
            reply(exchange, 302, new byte[0]);
          }
        });
    ServiceNowClient client = clients.forTenant(stubTenant());

    // the bearer token would go wherever the Location points
    assertThatThrownBy(() -> client.query(TableQuery.of(SUPPLIERS)))
        .isInstanceOf(ServiceNowException.class);
    assertThat(stub.hits()).anyMatch(hit -> hit.startsWith("GET /sn/stub/api/now/table"));
    assertThat(stub.hits()).noneMatch(hit -> hit.contains("/elsewhere"));
  }

  private void startStub(StubServer.Handler handler) throws IOException {
    stub = StubServer.start(handler);
  }

  private Tenant stubTenant() {
    String name = SimulatedTenants.uniqueId();
    return new Tenant(
        name,
        name,
        true,
        new Tenant.Qad(URI.create("http://127.0.0.1:1/qad"), "ws", "qad", "u", new Secret("p")),
        new Tenant.ServiceNow(stub.uri("/sn/stub"), "mlc", new Secret("secret"), false),
        Map.of(),
        Map.of(),
        true,
        false);
  }

  private static byte[] token() {
    return "{\"access_token\":\"stub-token\",\"token_type\":\"Bearer\",\"expires_in\":1800}"
        .getBytes(StandardCharsets.UTF_8);
  }

  /** A valid, empty table page padded with whitespace to {@code size} bytes. */
  private static byte[] hugeTablePage(int size) {
    byte[] json = "{\"result\":[]}".getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[size];
    java.util.Arrays.fill(body, (byte) ' ');
    System.arraycopy(json, 0, body, 0, json.length);
    return body;
  }
}

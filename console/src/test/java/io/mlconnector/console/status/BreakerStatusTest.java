package io.mlconnector.console.status;

import static io.mlconnector.console.ConsoleApi.authorized;
import static io.mlconnector.console.ConsoleApi.uniqueId;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.mlconnector.common.event.EntityType;
import io.mlconnector.common.tenant.RegistryTenantDirectory;
import io.mlconnector.common.tenant.Tenant;
import io.mlconnector.console.ping.PingSandbox;
import io.mlconnector.qadclient.QadClient;
import io.mlconnector.qadclient.QadClientSettings;
import io.mlconnector.qadclient.QadClients;
import io.mlconnector.qadclient.QadUnavailableException;
import io.mlconnector.qadclient.browse.BrowseQuery;
import io.mlconnector.stack.SqlProbe;
import io.mlconnector.stack.StackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A tenant's circuit breakers as the fleet sees them: a real QAD client of this service (the
 * console's own CDI beans, so its breaker publishes through common's SharedBreakerBoard) calls a
 * simulated QAD that answers 503 until its breaker opens; the console's status, {@code /q/metrics}
 * and then, once QAD answers again and a trial call went through, CLOSED.
 */
@QuarkusTest
@QuarkusTestResource(StackResource.class)
class BreakerStatusTest {
  /** Long enough for the checks below to see it open on a slow machine, short enough to wait. */
  private static final Duration OPEN_FOR = Duration.ofSeconds(20);

  @Inject QadClients qadClients;
  @Inject RegistryTenantDirectory directory;
  @Inject DataSource dataSource;

  @Test
  void anOpenedBreakerShowsInTheStatusAndMetricsUntilATrialClosesIt() throws Exception {
    String id = uniqueId("breaker");
    PingSandbox.register(PingSandbox.provision(id));
    Tenant tenant = directory.find(id).orElseThrow();
    QadClient client =
        qadClients.create(
            tenant,
            QadClientSettings.defaults()
                .withBackoff(1, Duration.ofMillis(1), Duration.ofMillis(1))
                .withBreaker(2, OPEN_FOR));
    otherServiceClosed(id);

    PingSandbox.qad(id).faults().setServerErrorRate(1.0);
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> client.browse(EntityType.SUPPLIER, BrowseQuery.all(1, 5)))
          .isInstanceOf(QadUnavailableException.class);
    }

    JsonPath open = awaitQadBreaker(id, "OPEN");
    assertThat(open.getString("breakers.qad.service")).isEqualTo("console");
    assertThat(open.getString("breakers.qad.lastFailure")).contains("HTTP 503");
    assertThat(open.getString("breakers.qad.openUntil")).isNotNull();
    assertThat(open.getMap("breakers.qad.services"))
        .containsEntry("console", "OPEN")
        .containsEntry("writer-service", "CLOSED");
    assertThat(open.getString("health")).isEqualTo("ATTENTION");
    assertThat(open.getMap("breakers")).doesNotContainKey("servicenow");
    assertThat(metrics()).contains(gauge(id, 2));
    assertThat(
            authorized()
                .get("/status")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("findAll { it.tenant == '" + id + "' }.breakers.qad.state"))
        .containsExactly("OPEN");

    PingSandbox.qad(id).faults().clear();
    await()
        .atMost(OPEN_FOR.plusSeconds(40))
        .pollInterval(Duration.ofSeconds(1))
        .ignoreExceptions()
        .until(() -> !client.browse(EntityType.SUPPLIER, BrowseQuery.all(1, 5)).rows().isEmpty());

    JsonPath closed = awaitQadBreaker(id, "CLOSED");
    assertThat(closed.getString("breakers.qad.lastFailure")).contains("HTTP 503");
    assertThat(metrics()).contains(gauge(id, 0));
  }

  private JsonPath awaitQadBreaker(String id, String state) {
    JsonPath[] last = new JsonPath[1];
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> {
              last[0] =
                  authorized().get("/status/" + id).then().statusCode(200).extract().jsonPath();
              return state.equals(last[0].getString("breakers.qad.state"));
            });
    return last[0];
  }

  /** Another service's breaker of the same tenant, closed: the worst one is reported. */
  private void otherServiceClosed(String id) throws Exception {
    SqlProbe.update(
        dataSource,
        "insert into mlc_fleet.breaker_state (tenant, system, service, state, since,"
            + " updated_at) values (?, 'qad', 'writer-service', 'CLOSED', now(), now())",
        id);
  }

  private static String metrics() {
    return given().get("/q/metrics").then().statusCode(200).extract().asString();
  }

  private static String gauge(String tenant, int value) {
    return "mlc_breaker_state{system=\"qad\",tenant=\"" + tenant + "\"} " + value + ".0";
  }
}

package io.mlconnector.snclient;

import static io.mlconnector.snclient.SimulatedTenants.SUPPLIERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.sandbox.servicenow.ServiceNowInstance;
import io.mlconnector.snclient.error.ServiceNowException;
import io.mlconnector.snclient.error.ServiceNowResponseFormatException;
import io.mlconnector.snclient.error.ServiceNowUnavailableException;
import io.mlconnector.snclient.query.TableQuery;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ServiceNowFaultsTest extends SimulatorTest {
  private ServiceNowClient client(String name) {
    return client(name, false);
  }

  @Test
  void rateLimitedInsertWaitsOutRetryAfterAndIsWrittenOnce() {
    String name = SimulatedTenants.uniqueId();
    ServiceNowInstance sn = SimulatedTenants.ready(sim, name);
    ServiceNowClient client = client(name);
    client.query(TableQuery.of(SUPPLIERS)); // token fetched before the storm
    sn.faults().rateLimitStorm(2, 1);

    client.insert(SUPPLIERS, Map.of("u_external_id", "V1"));

    assertThat(sn.list(SUPPLIERS)).hasSize(1);
    assertThat(sn.counters().count("POST", "table/" + SUPPLIERS)).isEqualTo(3);
    // The simulator's ground truth: no retry came back before its 429's Retry-After had passed.
    assertThat(sim.retryAfterViolations()).isZero();
  }

  @Test
  void serverErrorsOnReadsAreRetriedABoundedNumberOfTimes() {
    String name = SimulatedTenants.uniqueId();
    ServiceNowInstance sn = SimulatedTenants.ready(sim, name);
    sn.insert(SUPPLIERS, Map.of("u_external_id", "V1"));
    ServiceNowClient client = client(name);
    client.query(TableQuery.of(SUPPLIERS));
    sn.counters().reset();
    sn.faults().serverErrors(1.0, 503);

    assertThatThrownBy(() -> client.query(TableQuery.of(SUPPLIERS)))
        .isInstanceOf(ServiceNowUnavailableException.class)
        .hasMessageContaining("503");
    long attempts = sn.counters().count("GET", "table/" + SUPPLIERS);
    sn.faults().clear();

    assertThat(attempts).isEqualTo(4); // mlc.servicenow.retry.max-attempts default
    assertThat(client.query(TableQuery.of(SUPPLIERS)).records()).hasSize(1);
  }

  @Test
  void htmlPagesAndTruncatedBodiesAreTypedRetryableErrors() {
    String name = SimulatedTenants.uniqueId();
    ServiceNowInstance sn = SimulatedTenants.ready(sim, name);
    sn.insert(SUPPLIERS, Map.of("u_external_id", "V1"));
    ServiceNowClient client = client(name);
    client.query(TableQuery.of(SUPPLIERS));

    sn.faults().htmlPages(1);
    assertThatThrownBy(() -> client.query(TableQuery.of(SUPPLIERS)))
        .isInstanceOf(ServiceNowResponseFormatException.class)
        .hasMessageContaining("HTML page instead of JSON")
        .matches(e -> ((ServiceNowException) e).retryable());
    sn.faults().truncateBodies(1);
    assertThatThrownBy(() -> client.query(TableQuery.of(SUPPLIERS)))
        .isInstanceOf(ServiceNowResponseFormatException.class)
        .hasMessageContaining("truncated");
    sn.faults().clear();
    assertThat(client.query(TableQuery.of(SUPPLIERS)).records()).hasSize(1);
  }

  @Test
  void breakerOpensAfterRepeatedOutagesAndStopsCallingTheInstance() {
    String name = SimulatedTenants.uniqueId();
    ServiceNowInstance sn = SimulatedTenants.ready(sim, name);
    ServiceNowClient client = client(name);
    client.query(TableQuery.of(SUPPLIERS));
    sn.faults().serverErrors(1.0, 503);

    // Inserts are not retried inside the client: three failing calls trip the breaker.
    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> client.insert(SUPPLIERS, Map.of("u_external_id", "V1")))
          .isInstanceOf(ServiceNowUnavailableException.class);
    }
    long callsWhenOpened = sn.counters().count("POST", "table/" + SUPPLIERS);
    assertThatThrownBy(() -> client.insert(SUPPLIERS, Map.of("u_external_id", "V1")))
        .isInstanceOf(ServiceNowUnavailableException.class)
        .hasMessageContaining("circuit open");

    assertThat(callsWhenOpened).isEqualTo(3);
    assertThat(sn.counters().count("POST", "table/" + SUPPLIERS)).isEqualTo(3);
    sn.faults().clear();
  }
}

package io.mlconnector.snclient;

import static io.mlconnector.snclient.SimulatedTenants.SUPPLIERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.common.breaker.SharedBreakerBoard;
import io.mlconnector.common.ratelimit.TenantRateLimits;
import io.mlconnector.common.testing.FleetDatabase;
import io.mlconnector.sandbox.servicenow.ServiceNowInstance;
import io.mlconnector.sandbox.servicenow.ServiceNowSimulator;
import io.mlconnector.snclient.config.ServiceNowClientConfig;
import io.mlconnector.snclient.error.ServiceNowUnavailableException;
import io.mlconnector.snclient.http.ServiceNowCallObserver;
import io.mlconnector.snclient.http.ServiceNowTransport.Fleet;
import io.mlconnector.snclient.query.TableQuery;
import io.quarkus.oidc.client.OidcClients;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The tenant's ServiceNow breaker is the fleet's to see: when outages (503s from the simulator)
 * open it, the service's row in common's {@code mlc_fleet.breaker_state} says OPEN, why, and until
 * when.
 */
@QuarkusTest
class BreakerBoardTest {
  static ServiceNowSimulator sim;
  @RegisterExtension static final FleetDatabase database = new FleetDatabase();

  @Inject OidcClients oidcClients;
  @Inject ServiceNowClientConfig config;
  @Inject Instance<ServiceNowCallObserver> observers;

  @BeforeAll
  static void start() throws Exception {
    sim = ServiceNowSimulator.start(0);
  }

  @AfterAll
  static void stop() throws Exception {
    sim.close();
  }

  @Test
  void repeatedOutagesOpenTheBreakerAndItsRowSaysSo() throws Exception {
    String name = SimulatedTenants.uniqueId();
    ServiceNowInstance sn = SimulatedTenants.ready(sim, name);
    ServiceNowClients writer =
        new ServiceNowClients(
            oidcClients,
            config,
            observers,
            new Fleet(
                TenantRateLimits.local(),
                "ml-connector/writer-service",
                new SharedBreakerBoard(database.dataSource(), "writer-service")));
    ServiceNowClient client = writer.forTenant(SimulatedTenants.tenant(sim, name, false));
    client.query(TableQuery.of(SUPPLIERS));
    assertThat(awaitState(name, "CLOSED")).isEqualTo("CLOSED");

    sn.faults().serverErrors(1.0, 503);
    for (int i = 0; i < 3; i++) { // the test configuration's failure threshold
      assertThatThrownBy(() -> client.insert(SUPPLIERS, Map.of("u_external_id", "V1")))
          .isInstanceOf(ServiceNowUnavailableException.class);
    }
    sn.faults().clear();

    assertThat(awaitState(name, "OPEN")).isEqualTo("OPEN");
    try (Connection c = database.dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select last_failure, open_until > now() + interval '50 minutes'"
                    + " from mlc_fleet.breaker_state where tenant = ? and system = 'servicenow'"
                    + " and service = 'writer-service'")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).contains("503");
        assertThat(rs.getBoolean(2)).as("open for the configured hour").isTrue();
      }
    }
  }

  /** The row's state once it is {@code expected}, or the last one seen after 10 s. */
  private static String awaitState(String tenant, String expected) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    String state = null;
    while (System.nanoTime() < deadline && !expected.equals(state)) {
      try (Connection c = database.dataSource().getConnection();
          PreparedStatement ps =
              c.prepareStatement(
                  "select state from mlc_fleet.breaker_state where tenant = ? and system ="
                      + " 'servicenow' and service = 'writer-service'")) {
        ps.setString(1, tenant);
        try (ResultSet rs = ps.executeQuery()) {
          state = rs.next() ? rs.getString(1) : null;
        }
      }
      if (!expected.equals(state)) {
        Thread.sleep(50);
      }
    }
    return state;
  }
}

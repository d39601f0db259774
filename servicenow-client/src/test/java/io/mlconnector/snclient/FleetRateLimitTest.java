package io.mlconnector.snclient;

import static io.mlconnector.snclient.SimulatedTenants.SUPPLIERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.common.ratelimit.RateLimitConfig;
import io.mlconnector.common.ratelimit.RequestBudgets;
import io.mlconnector.common.ratelimit.SharedRateLimits;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * ServiceNow counts requests per integration user, whichever service sends them: after a 429 to one
 * service (here the writer), another service's client (the poller) does not call that tenant's
 * instance before Retry-After, and a request budget is one budget for the fleet. Judged by the
 * simulator: its per-User-Agent count of calls that arrived while a Retry-After ran, and its call
 * counters.
 */
@QuarkusTest
class FleetRateLimitTest {
  static ServiceNowSimulator sim;
  @RegisterExtension static final FleetDatabase database = new FleetDatabase();

  @Inject OidcClients oidcClients;
  @Inject ServiceNowClientConfig config;
  @Inject Instance<ServiceNowCallObserver> observers;

  private final List<ServiceNowClients> services = new ArrayList<>();

  @BeforeEach
  void startSimulator() {
    sim = ServiceNowSimulator.start(0); // its violation counts are this test's alone
  }

  @AfterEach
  void closeServices() {
    services.forEach(ServiceNowClients::closeAll);
    sim.close();
  }

  @Test
  void afterTheWritersThrottleThePollerWaitsOutRetryAfter() throws Exception {
    String name = SimulatedTenants.uniqueId();
    ServiceNowInstance sn = SimulatedTenants.ready(sim, name);
    ServiceNowClient writer =
        service("writer-service", shared("writer-service")).forTenant(tenant(name));
    ServiceNowClient poller =
        service("servicenow-poller", shared("servicenow-poller")).forTenant(tenant(name));
    writer.query(TableQuery.of(SUPPLIERS)); // both hold a token
    poller.query(TableQuery.of(SUPPLIERS));
    sn.faults().rateLimitStorm(1, 2);

    var written =
        CompletableFuture.supplyAsync(
            () -> writer.insert(SUPPLIERS, Map.of("u_external_id", "V1")));
    awaitThrottleRecorded(name);
    poller.query(TableQuery.of(SUPPLIERS));
    written.get(10, TimeUnit.SECONDS);

    assertThat(sn.counters().count("GET", "table/" + SUPPLIERS)).isEqualTo(3);
    assertThat(sn.list(SUPPLIERS)).hasSize(1);
    assertThat(sim.throttleViolationsByClient()).isEmpty();
  }

  /** The same run with a poller that knows only its own 429s: the simulator names it. */
  @Test
  void aClientKnowingOnlyItsOwn429sIsCountedByTheSimulator() throws Exception {
    String name = SimulatedTenants.uniqueId();
    ServiceNowInstance sn = SimulatedTenants.ready(sim, name);
    ServiceNowClient writer =
        service("writer-service", shared("writer-service")).forTenant(tenant(name));
    ServiceNowClient poller =
        service("servicenow-poller", TenantRateLimits.local()).forTenant(tenant(name));
    writer.query(TableQuery.of(SUPPLIERS));
    poller.query(TableQuery.of(SUPPLIERS));
    sn.faults().rateLimitStorm(1, 2);

    var written =
        CompletableFuture.supplyAsync(
            () -> writer.insert(SUPPLIERS, Map.of("u_external_id", "V1")));
    awaitThrottleRecorded(name);
    poller.query(TableQuery.of(SUPPLIERS));
    written.get(10, TimeUnit.SECONDS);

    assertThat(sim.throttleViolationsByClient()).containsKey("ml-connector/servicenow-poller");
    assertThat(sim.throttleViolationsByClient()).doesNotContainKey("ml-connector/writer-service");
  }

  @Test
  void aSpentBudgetStopsEveryServiceOfTheFleet() {
    String name = SimulatedTenants.uniqueId();
    ServiceNowInstance sn = SimulatedTenants.ready(sim, name);
    // Three requests at once, then one per hour: the fourth is far beyond the Retry-After cap.
    RequestBudgets budget = new RequestBudgets(Map.of("servicenow", budget(1.0 / 3600, 3)));
    ServiceNowClient writer =
        service("writer-service", shared("writer-service", budget)).forTenant(tenant(name));
    ServiceNowClient poller =
        service("servicenow-poller", shared("servicenow-poller", budget)).forTenant(tenant(name));

    writer.query(TableQuery.of(SUPPLIERS));
    poller.query(TableQuery.of(SUPPLIERS));
    writer.query(TableQuery.of(SUPPLIERS));

    assertThatThrownBy(() -> poller.query(TableQuery.of(SUPPLIERS)))
        .isInstanceOf(ServiceNowUnavailableException.class)
        .hasMessageContaining("paused");
    assertThat(sn.counters().count("GET", "table/" + SUPPLIERS)).isEqualTo(3);
  }

  private ServiceNowClients service(String name, TenantRateLimits limits) {
    ServiceNowClients clients =
        new ServiceNowClients(
            oidcClients, config, observers, new Fleet(limits, "ml-connector/" + name));
    services.add(clients);
    return clients;
  }

  private static io.mlconnector.common.tenant.Tenant tenant(String name) {
    return SimulatedTenants.tenant(sim, name, false);
  }

  private static TenantRateLimits shared(String service) {
    return shared(service, RequestBudgets.NONE);
  }

  private static TenantRateLimits shared(String service, RequestBudgets budgets) {
    return new SharedRateLimits(database.dataSource(), budgets, Duration.ZERO, service);
  }

  private static RateLimitConfig.Budget budget(double perSecond, double burst) {
    return new RateLimitConfig.Budget() {
      @Override
      public OptionalDouble perSecond() {
        return OptionalDouble.of(perSecond);
      }

      @Override
      public OptionalDouble burst() {
        return OptionalDouble.of(burst);
      }

      @Override
      public Map<String, Double> tenants() {
        return Map.of();
      }
    };
  }

  /** Waits until the writer's 429 is in the fleet's table (the writer is sleeping it out). */
  private static void awaitThrottleRecorded(String tenant) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    try (Connection c = database.dataSource().getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "select count(*) from mlc_fleet.tenant_rate"
                    + " where tenant = ? and throttled_until > clock_timestamp()")) {
      s.setString(1, tenant);
      while (System.nanoTime() < deadline) {
        try (ResultSet r = s.executeQuery()) {
          r.next();
          if (r.getInt(1) == 1) {
            return;
          }
        }
        Thread.sleep(5);
      }
    }
    throw new AssertionError("the writer's 429 was never recorded");
  }
}

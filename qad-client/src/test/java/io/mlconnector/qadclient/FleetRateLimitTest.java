package io.mlconnector.qadclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mlconnector.common.event.EntityType;
import io.mlconnector.common.ratelimit.RequestBudgets;
import io.mlconnector.common.ratelimit.SharedRateLimits;
import io.mlconnector.common.ratelimit.TenantRateLimits;
import io.mlconnector.common.testing.FleetDatabase;
import io.mlconnector.qadclient.browse.BrowseMapping;
import io.mlconnector.qadclient.browse.BrowseQuery;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A 429 is the tenant's, not one process's: after the writer is throttled, the poller (another
 * service, its own rate-limit bean, the same database) does not call that tenant's QAD before
 * Retry-After has passed. Judged by the simulator, which counts per User-Agent every call that
 * arrives while a tenant's Retry-After runs.
 */
@QuarkusTest
class FleetRateLimitTest {
  @RegisterExtension static final FleetDatabase database = new FleetDatabase();
  private final SandboxQad sandbox = new SandboxQad("fleet", Duration.ofHours(1));

  @AfterEach
  void close() {
    sandbox.close();
  }

  @Test
  void afterTheWritersThrottleThePollerWaitsOutRetryAfter() throws Exception {
    QadClient writer = client("writer-service", shared("writer-service"));
    QadClient poller = client("qad-poller", shared("qad-poller"));
    writer.browse(EntityType.SUPPLIER, BrowseQuery.all(1, 5)); // both logged in
    poller.browse(EntityType.SUPPLIER, BrowseQuery.all(1, 5));
    sandbox.qad.faults().setThrottleRequests(1).setRetryAfterSeconds(2);

    var writerPage =
        CompletableFuture.supplyAsync(
            () -> writer.browse(EntityType.SUPPLIER, BrowseQuery.all(1, 5)));
    awaitThrottleRecorded();
    var pollerPage = poller.browse(EntityType.PROJECT, BrowseQuery.all(1, 5));

    assertThat(pollerPage.rows()).isNotEmpty();
    assertThat(writerPage.get(10, TimeUnit.SECONDS).rows()).hasSize(5);
    assertThat(sandbox.simulator.throttleViolationsByClient()).isEmpty();
  }

  /** The same run with a poller that knows only its own 429s: the simulator names it. */
  @Test
  void aClientKnowingOnlyItsOwn429sIsCountedByTheSimulator() throws Exception {
    QadClient writer = client("writer-service", shared("writer-service"));
    QadClient poller = client("qad-poller", TenantRateLimits.local());
    writer.browse(EntityType.SUPPLIER, BrowseQuery.all(1, 5));
    poller.browse(EntityType.SUPPLIER, BrowseQuery.all(1, 5));
    sandbox.qad.faults().setThrottleRequests(1).setRetryAfterSeconds(2);

    var writerPage =
        CompletableFuture.supplyAsync(
            () -> writer.browse(EntityType.SUPPLIER, BrowseQuery.all(1, 5)));
    awaitThrottleRecorded();
    poller.browse(EntityType.PROJECT, BrowseQuery.all(1, 5));
    writerPage.get(10, TimeUnit.SECONDS);

    assertThat(sandbox.simulator.throttleViolationsByClient())
        .containsOnlyKeys("ml-connector/qad-poller");
  }

  private static TenantRateLimits shared(String service) {
    return new SharedRateLimits(database.dataSource(), RequestBudgets.NONE, Duration.ZERO, service);
  }

  /** Waits until the writer's 429 is in the fleet's table (the writer is waiting it out). */
  private void awaitThrottleRecorded() {
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(5))
        .until(
            () -> {
              try (Connection c = database.dataSource().getConnection();
                  Statement s = c.createStatement();
                  var r =
                      s.executeQuery(
                          "select count(*) from mlc_fleet.tenant_rate where tenant = '"
                              + sandbox.tenant.id()
                              + "' and throttled_until > clock_timestamp()")) {
                return r.next() && r.getInt(1) == 1;
              }
            });
  }

  private QadClient client(String service, TenantRateLimits limits) {
    return QadClient.create(
        SandboxQad.oidc(),
        sandbox.tenant,
        SandboxQad.settings(),
        BrowseMapping.defaults(),
        sandbox.clock,
        limits,
        QadClient.DEFAULT_USER_AGENT + "/" + service);
  }
}

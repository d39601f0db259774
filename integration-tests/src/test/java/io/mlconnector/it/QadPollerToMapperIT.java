package io.mlconnector.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mlconnector.sandbox.SandboxLandscape;
import io.mlconnector.sandbox.SandboxTenant;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The fleet foundation end to end: two services as separate processes on the real broker and
 * PostgreSQL. The QAD poller publishes what it reads from the sandbox; the mapper receives every
 * event through Kafka and records it in its own schema.
 */
class QadPollerToMapperIT {

  @Test
  void everyEventThePollerPublishesReachesTheMapperAndIsRecordedInPostgres() throws Exception {
    String tenantId = "it-found-" + Long.toString(System.nanoTime(), 36).substring(0, 5);
    try (SandboxLandscape sandbox = SandboxLandscape.start(List.of(tenantId), 1);
        RunningFleet fleet =
            new RunningFleet(Map.of("MLC_QAD_SCHEDULING_ENABLED", "false"))
                .start(List.of("qad-poller", "mapper-service"))) {
      SandboxTenant tenant = sandbox.tenants().get(0);
      fleet.registerForThisTest(io.mlconnector.stack.TenantFixtures.sandboxTenant(tenant, false));

      var run =
          Http.post(fleet.service("qad-poller").baseUri().resolve("/polls/" + tenantId + "/run"));

      long polled =
          fleet.count("qad_poller", "audit_trail", "tenant = ? and stage = 'POLLED'", tenantId);
      assertThat(polled).as("poll run %s", run).isGreaterThan(100);
      await()
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofMillis(500))
          .until(
              () ->
                  fleet.count(
                      "mapper", "audit_trail", "tenant = ? and stage = 'RECEIVED'", tenantId),
              received -> received == polled);
      long mapped =
          fleet.count("mapper", "audit_trail", "tenant = ? and stage = 'MAPPED'", tenantId);
      assertThat(mapped).isGreaterThan(0).isLessThanOrEqualTo(polled);
    }
  }
}

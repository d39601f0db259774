package io.mlconnector.console.status;

import static io.mlconnector.console.ConsoleApi.authorized;
import static io.mlconnector.console.ConsoleApi.tenant;
import static io.mlconnector.console.ConsoleApi.uniqueId;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import io.mlconnector.common.event.Topics;
import io.mlconnector.stack.StackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An operator's status on a broker the fleet shares with other applications and with probes of its
 * own topics: many groups, each a small backlog, none of them the fleet's. The tenant's records
 * behind a fleet group still show, exactly, and only the fleet's groups are named.
 */
@QuarkusTest
@QuarkusTestResource(StackResource.class)
class BusyBrokerStatusTest {
  /** A group of the fleet ({@code mlc-…}, as the services' groups are named). */
  private static final String FLEET_GROUP = "mlc-busy-broker-test";

  /** Another application's group reading the fleet's topic (a probe, a debugging consumer). */
  private static final String PROBE_GROUP = "probe-busy-broker-test";

  private final String id = uniqueId("busy");

  @Test
  void aTenantsRecordsBehindShowAmongManyOtherGroups() throws Exception {
    authorized()
        .body(tenant(id, "qad-pw-123456", "sn-secret-123456"))
        .post("/tenants")
        .then()
        .statusCode(201);
    Backlogs.otherApplications(1000);
    Backlogs.threeBehind(id, FLEET_GROUP, PROBE_GROUP);

    // Other fleet groups of the shared test broker (e.g. mlc-mapper, when earlier tests left it
    // committed on this topic) are behind on these records too and may be listed; the probe is not.
    Map<String, Integer> threeBehind = Map.of(Topics.QAD_SUPPLIER_CHANGED, 3);
    authorized()
        .get("/status/" + id)
        .then()
        .statusCode(200)
        .body("behind.'" + FLEET_GROUP + "'", equalTo(threeBehind))
        .body("behind", not(hasKey(PROBE_GROUP)))
        .body("lagCapped", equalTo(false));
    authorized()
        .get("/status")
        .then()
        .statusCode(200)
        .body(
            "find { it.tenant == '" + id + "' }.behind.'" + FLEET_GROUP + "'", equalTo(threeBehind))
        .body("find { it.tenant == '" + id + "' }.behind", not(hasKey(PROBE_GROUP)));
  }
}

package io.mlconnector.qadclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.mlconnector.common.breaker.SharedBreakerBoard;
import io.mlconnector.common.event.EntityType;
import io.mlconnector.common.ratelimit.TenantRateLimits;
import io.mlconnector.common.testing.FleetDatabase;
import io.mlconnector.qadclient.browse.BrowseMapping;
import io.mlconnector.qadclient.browse.BrowseQuery;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A tenant's QAD breaker is the fleet's to see: when it opens (the simulator answers 503) the
 * service's row in common's {@code mlc_fleet.breaker_state} says OPEN with the reason and until
 * when; a trial call after QAD recovered closes it, and the row says CLOSED.
 */
@QuarkusTest
class BreakerBoardTest {
  @RegisterExtension static final FleetDatabase database = new FleetDatabase();
  private final SandboxQad sandbox = new SandboxQad("board", Duration.ofHours(1));

  @AfterEach
  void close() {
    sandbox.close();
  }

  @Test
  void theRowFollowsTheBreakerFromOpenBackToClosed() throws SQLException, InterruptedException {
    DataSource db = database.dataSource();
    QadClient client =
        QadClient.create(
            SandboxQad.oidc(),
            sandbox.tenant,
            SandboxQad.settings()
                .withBackoff(1, Duration.ofMillis(1), Duration.ofMillis(1))
                .withBreaker(2, Duration.ofSeconds(3)),
            BrowseMapping.defaults(),
            sandbox.clock,
            TenantRateLimits.local(),
            QadClient.DEFAULT_USER_AGENT + "/qad-poller",
            new SharedBreakerBoard(db, "qad-poller"));
    client.browse(EntityType.SUPPLIER, BrowseQuery.all(1, 5));
    await().until(() -> "CLOSED".equals(row(db).get("state")));

    sandbox.qad.faults().setServerErrorRate(1.0);
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> client.browse(EntityType.SUPPLIER, BrowseQuery.all(1, 5)))
          .isInstanceOf(QadUnavailableException.class);
    }

    await().until(() -> "OPEN".equals(row(db).get("state")));
    Map<String, Object> open = row(db);
    assertThat((String) open.get("last_failure")).contains("HTTP 503");
    OffsetDateTime since = (OffsetDateTime) open.get("since");
    assertThat((OffsetDateTime) open.get("open_until"))
        .isBetween(since.plusSeconds(2), since.plusSeconds(4));

    sandbox.qad.faults().clear();
    // past the open time (SmallRye's breaker measures it in real time): the next call is a trial
    await()
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .until(() -> client.browse(EntityType.SUPPLIER, BrowseQuery.all(1, 5)).rows().size() == 5);

    await().until(() -> "CLOSED".equals(row(db).get("state")));
    Map<String, Object> closed = row(db);
    assertThat(closed.get("open_until")).isNull();
    assertThat((String) closed.get("last_failure")).contains("HTTP 503");
  }

  private static Map<String, Object> row(DataSource db) throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select state, since, last_failure, open_until from mlc_fleet.breaker_state"
                    + " where tenant = 'board' and system = 'qad' and service = 'qad-poller'");
        ResultSet rs = ps.executeQuery()) {
      Map<String, Object> row = new HashMap<>();
      if (rs.next()) {
        row.put("state", rs.getString(1));
        row.put("since", rs.getObject(2, OffsetDateTime.class));
        row.put("last_failure", rs.getString(3));
        row.put("open_until", rs.getObject(4, OffsetDateTime.class));
      }
      return row;
    }
  }
}

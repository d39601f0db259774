package io.mlconnector.snpoller;

import static io.mlconnector.snpoller.SnWorld.INVOICE;
import static io.mlconnector.snpoller.SnWorld.approve;
import static io.mlconnector.snpoller.SnWorld.run;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.common.event.Topics;
import io.mlconnector.sandbox.servicenow.ServiceNowInstance;
import io.mlconnector.snpoller.cursor.CursorStore;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * More rows hidden by ACLs in a row than the reader may ask for in one call: the read stops there,
 * skips nothing, and says so in readiness and metrics until a poll reads to the end (the test
 * profile lowers {@code mlc.servicenow.hidden-row-scan-limit} to 200, pages of 50).
 */
@QuarkusTest
@QuarkusTestResource(SnPollerStackResource.class)
class AclStallTest extends SnWorldTest {
  @Inject CursorStore cursors;

  @Test
  void moreHiddenRowsInARowThanTheScanLimitStallTheReaderVisiblyInsteadOfSkipping()
      throws Exception {
    ServiceNowInstance sn = world.tenant("stall");
    String t = sn.name();
    List<String> all = new ArrayList<>();
    for (int i = 0; i < 250; i++) {
      all.add(approve(sn, "H-" + i, "HIDDEN", 1));
    }
    world.clock.advance(Duration.ofSeconds(1));
    for (int i = 0; i < 3; i++) {
      all.add(approve(sn, "V-" + i, 1));
    }
    sn.hideRows(INVOICE, "supplier_code=HIDDEN");

    var report = run(t);

    List<Map<String, Object>> tables = report.getList("tables");
    assertThat(tables)
        .filteredOn(r -> "supplier-invoice".equals(r.get("table")))
        .singleElement()
        .satisfies(r -> assertThat((String) r.get("error")).contains("hidden"));
    assertThat(cursors.find(t, "supplier-invoice")).as("the cursor stays").isEmpty();
    Map<String, Object> readers = readersCheck();
    assertThat(readers.get("status")).isEqualTo("DOWN");
    assertThat(data(readers).get(t + "/supplier-invoice").toString())
        .contains("hidden from the integration user");
    assertThat(stalledGauge(t)).isEqualTo("1.0");

    sn.revealRows(INVOICE); // an admin grants the integration user read on them
    run(t);

    Map<String, Long> published =
        world.events(Topics.SN_INVOICE_CHANGED, t, -1).stream()
            .collect(Collectors.groupingBy(s -> s.event().sourceId(), Collectors.counting()));
    assertThat(published.keySet()).containsExactlyInAnyOrderElementsOf(all);
    assertThat(published).allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1L));
    assertThat(data(readersCheck())).doesNotContainKey(t + "/supplier-invoice");
    assertThat(stalledGauge(t)).isEqualTo("0.0");
  }

  /** The "Poll readers" readiness check: status and, per stalled tenant/table, the reason. */
  private static Map<String, Object> readersCheck() {
    List<Map<String, Object>> checks =
        given().get("/q/health/ready").then().extract().jsonPath().getList("checks");
    return checks.stream()
        .filter(c -> "Poll readers".equals(c.get("name")))
        .findFirst()
        .orElse(Map.of("status", "absent"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> data(Map<String, Object> check) {
    return (Map<String, Object>) check.getOrDefault("data", Map.of());
  }

  private static String stalledGauge(String tenant) {
    String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
    String prefix = "mlc_poll_stalled{entity=\"supplier-invoice\",tenant=\"" + tenant + "\"} ";
    return metrics
        .lines()
        .filter(l -> l.startsWith(prefix))
        .map(l -> l.substring(prefix.length()).trim())
        .findFirst()
        .orElse("absent");
  }
}

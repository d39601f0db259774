package io.mlconnector.qadpoller;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.common.event.EntityType;
import io.mlconnector.common.event.Topics;
import io.mlconnector.qadpoller.cursor.CursorStore;
import io.mlconnector.sandbox.qad.QadEntity;
import io.mlconnector.sandbox.qad.QadRow;
import io.mlconnector.sandbox.qad.QadTenant;
import io.mlconnector.sandbox.seed.SeedSize;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rows re-saved while the poller pages through a tied second must never make it skip a row (issue
 * 13, item 2): judged by the simulator's table against the events on the topic.
 */
@QuarkusTest
@QuarkusTestResource(PollerStackResource.class)
class ChurnedTieTest extends QadWorldTest {
  static final Instant TIE = Instant.parse("2025-02-01T00:00:00Z");

  @Inject CursorStore cursors;

  /**
   * 250 PO lines share one second, pages are 100 rows, and after every page with more to come the
   * simulator re-saves that many already-served rows (the clock stands still: every re-save lands
   * in the same second). Offsets shift under the reader on every page, at every churn rate.
   */
  @ParameterizedTest
  @ValueSource(ints = {1, 10, 60})
  void rowsReSavedWhileATiedSecondIsPagedAreAllPublishedOnce(int churn) throws Exception {
    QadTenant qad = world.tenant("churn", 5, new SeedSize(10, 70, 200, 50, 20, 30));
    String t = qad.name();
    qad.shareModifiedTime(
        QadEntity.PURCHASE_ORDER_LINE, 250, Instant.parse("2025-02-01T00:00:00Z"));
    qad.faults().setModifyDuringPagedRead(churn);

    QadPollerTest.run(t);

    var inQad = qad.table(QadEntity.PURCHASE_ORDER_LINE).all().stream().map(QadRow::key).toList();
    Map<String, Long> published =
        world.events(Topics.QAD_PO_CHANGED, t, -1).stream()
            .filter(s -> s.event().entity() == EntityType.PURCHASE_ORDER_LINE)
            .collect(Collectors.groupingBy(s -> s.event().sourceId(), Collectors.counting()));
    assertThat(published.keySet()).as("lines published").containsExactlyInAnyOrderElementsOf(inQad);
    assertThat(published).allSatisfy((line, n) -> assertThat(n).as(line).isEqualTo(1L));
  }

  /** Receipts have a three-field key: the keyset asks up to three levels deep. */
  @Test
  void receiptsReSavedWhileATiedSecondIsPagedAreAllPublishedOnce() throws Exception {
    QadTenant qad = world.tenant("churn3", 5, new SeedSize(10, 70, 200, 50, 20, 30));
    String t = qad.name();
    int receipts = qad.table(QadEntity.GOODS_RECEIPT).size();
    assertThat(receipts).isGreaterThan(200);
    qad.shareModifiedTime(QadEntity.GOODS_RECEIPT, 200, TIE);
    qad.faults().setModifyDuringPagedRead(10);

    QadPollerTest.run(t);

    var inQad = qad.table(QadEntity.GOODS_RECEIPT).all().stream().map(ChurnedTieTest::sourceId);
    Map<String, Long> published =
        world.events(Topics.QAD_PO_CHANGED, t, -1).stream()
            .filter(s -> s.event().entity() == EntityType.GOODS_RECEIPT)
            .collect(Collectors.groupingBy(s -> s.event().sourceId(), Collectors.counting()));
    assertThat(published.keySet()).containsExactlyInAnyOrderElementsOf(inQad.toList());
    assertThat(published).allSatisfy((r, n) -> assertThat(n).as(r).isEqualTo(1L));
  }

  /** A receipt's event source id: receiver and line (its key also has the PO number). */
  private static String sourceId(QadRow receipt) {
    return receipt.text("prh_receiver") + "|" + receipt.text("prh_line");
  }

  /**
   * An instance that ignores the key filters gives the reader no way past a tied second larger than
   * a page: the reader stops there, says so in readiness and metrics, and skips nothing.
   */
  @Test
  void aReaderThatCannotGetPastATiedSecondStopsAndSaysSoInsteadOfSkipping() throws Exception {
    QadTenant qad = world.tenant("stall", 5, new SeedSize(10, 70, 200, 50, 20, 30));
    String t = qad.name();
    qad.shareModifiedTime(QadEntity.PURCHASE_ORDER_LINE, 250, TIE);
    qad.faults().setIgnoreKeyFilters(true);

    var report = QadPollerTest.run(t);

    List<Map<String, Object>> runs = report.getList("entities");
    assertThat(runs)
        .filteredOn(r -> "purchase-order-line".equals(r.get("entity")))
        .singleElement()
        .satisfies(r -> assertThat((String) r.get("error")).contains("does not filter on the key"));
    assertThat(cursors.find(t, "purchase-order-line").orElseThrow().lastModified())
        .as("the cursor stays at the second it could not read past")
        .isBeforeOrEqualTo(TIE);
    Map<String, Object> readers = readersCheck();
    assertThat(readers.get("status")).isEqualTo("DOWN");
    assertThat(data(readers).get(t + "/purchase-order-line").toString())
        .contains("does not filter on the key fields");
    assertThat(stalledGauge(t)).isEqualTo("1.0");

    qad.faults().clear();
    QadPollerTest.run(t);

    var inQad = qad.table(QadEntity.PURCHASE_ORDER_LINE).all().stream().map(QadRow::key).toList();
    Map<String, Long> published =
        world.events(Topics.QAD_PO_CHANGED, t, -1).stream()
            .filter(s -> s.event().entity() == EntityType.PURCHASE_ORDER_LINE)
            .collect(Collectors.groupingBy(s -> s.event().sourceId(), Collectors.counting()));
    assertThat(published.keySet()).containsExactlyInAnyOrderElementsOf(inQad);
    assertThat(published).allSatisfy((line, n) -> assertThat(n).as(line).isEqualTo(1L));
    assertThat(data(readersCheck())).doesNotContainKey(t + "/purchase-order-line");
    assertThat(stalledGauge(t)).isEqualTo("0.0");
  }

  /** The "Poll readers" readiness check: status and, per stalled tenant/entity, the reason. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> readersCheck() {
    List<Map<String, Object>> checks =
        given().get("/q/health/ready").then().extract().jsonPath().getList("checks");
    return checks.stream()
        .filter(c -> "Poll readers".equals(c.get("name")))
        .findFirst()
        .orElseThrow();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> data(Map<String, Object> check) {
    return (Map<String, Object>) check.getOrDefault("data", Map.of());
  }

  private static String stalledGauge(String tenant) {
    String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
    String prefix = "mlc_poll_stalled{entity=\"purchase-order-line\",tenant=\"" + tenant + "\"} ";
    return metrics
        .lines()
        .filter(l -> l.startsWith(prefix))
        .map(l -> l.substring(prefix.length()).trim())
        .findFirst()
        .orElse("absent");
  }
}

package io.mlconnector.qadpoller;

import static io.mlconnector.stack.ApiTokenFixtures.OPERATE;
import static io.mlconnector.stack.ApiTokenFixtures.READ;
import static io.mlconnector.stack.ApiTokenFixtures.bearer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.common.event.Topics;
import io.mlconnector.qadpoller.cursor.CursorStore;
import io.mlconnector.sandbox.qad.QadEntity;
import io.mlconnector.sandbox.qad.QadRow;
import io.mlconnector.sandbox.qad.QadTenant;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A cursor reset re-sends records even when their content was published before, and {@code
 * published_version} is pruned so it does not grow without bound (issue 13, item 3). Judged by the
 * events on the topic against the simulator's rows.
 */
@QuarkusTest
@QuarkusTestResource(PollerStackResource.class)
class CursorResetTest extends QadWorldTest {
  @Inject CursorStore cursors;

  @Test
  void aResetReSendsEveryUnchangedRecordOfItsEntityOnly() throws Exception {
    QadTenant qad = world.tenant("reset", 51, QadWorld.SMALL);
    String t = qad.name();
    var suppliers = keys(qad, QadEntity.SUPPLIER);
    assertThat(QadPollerTest.published(QadPollerTest.run(t)).get("supplier"))
        .isEqualTo(suppliers.size());
    assertThat(QadPollerTest.total(QadPollerTest.published(QadPollerTest.run(t)))).isZero();

    given()
        .header("Authorization", bearer(READ))
        .post("/polls/{t}/reset?entity=supplier", t)
        .then()
        .statusCode(403);
    given()
        .header("Authorization", bearer(OPERATE))
        .post("/polls/{t}/reset?entity=no-such-entity", t)
        .then()
        .statusCode(400);
    given()
        .header("Authorization", bearer(OPERATE))
        .post("/polls/{t}/reset?entity=supplier", t)
        .then()
        .statusCode(200);
    var after = QadPollerTest.published(QadPollerTest.run(t));

    assertThat(after.get("supplier")).isEqualTo(suppliers.size());
    assertThat(after.get("gl-account") + after.get("purchase-order-line")).isZero();
    Map<String, Long> sent = perKey(t, Topics.QAD_SUPPLIER_CHANGED, 2 * suppliers.size());
    assertThat(sent.keySet()).containsExactlyInAnyOrderElementsOf(suppliers);
    assertThat(sent).allSatisfy((key, n) -> assertThat(n).as(key).isEqualTo(2L));

    // A reset to a point in time re-sends what was modified from there (less the overlap) on.
    var centers = qad.table(QadEntity.COST_CENTER).all();
    Instant since = centers.get(centers.size() / 2).modified();
    long fromThere =
        centers.stream().filter(r -> !r.modified().isBefore(since.minusSeconds(5))).count();
    given()
        .header("Authorization", bearer(OPERATE))
        .post("/polls/{t}/reset?entity=cost-center&since={s}", t, since.toString())
        .then()
        .statusCode(200);
    var partial = QadPollerTest.published(QadPollerTest.run(t));
    assertThat(partial.get("cost-center")).isEqualTo((int) fromThere).isLessThan(centers.size());
    assertThat(partial.get("supplier")).isZero();
  }

  @Test
  void pruningForgetsVersionsOlderThanTheRetentionWhileANormalPollSendsNothingTwice()
      throws Exception {
    QadTenant qad = world.tenant("prune", 52, QadWorld.SMALL);
    String t = qad.name();
    var suppliers = keys(qad, QadEntity.SUPPLIER);
    QadPollerTest.run(t);
    // Hours later (beyond the test profile's 1h retention) one supplier changes.
    world.clock.advance(Duration.ofHours(2));
    qad.change(QadEntity.SUPPLIER, "S00001", Map.of("vd_sort", "Changed later"));

    assertThat(QadPollerTest.published(QadPollerTest.run(t)).get("supplier")).isEqualTo(1);

    assertThat(cursors.publishedHashes(t, "supplier", suppliers).keySet())
        .as("versions kept: only those inside overlap + retention before the cursor")
        .containsExactly("S00001");
    assertThat(QadPollerTest.total(QadPollerTest.published(QadPollerTest.run(t)))).isZero();
    Map<String, Long> sent = perKey(t, Topics.QAD_SUPPLIER_CHANGED, suppliers.size() + 1);
    assertThat(sent.keySet()).containsExactlyInAnyOrderElementsOf(suppliers);
    assertThat(sent)
        .allSatisfy((key, n) -> assertThat(n).as(key).isEqualTo(key.equals("S00001") ? 2L : 1L));
  }

  private static List<String> keys(QadTenant qad, QadEntity table) {
    return qad.table(table).all().stream().map(QadRow::key).toList();
  }

  private Map<String, Long> perKey(String tenant, String topic, int atLeast) {
    world.events(topic, tenant, atLeast);
    return world.events(topic, tenant, -1).stream()
        .collect(Collectors.groupingBy(s -> s.event().sourceId(), Collectors.counting()));
  }
}

package io.mlconnector.snpoller;

import static io.mlconnector.snpoller.SnWorld.INVOICE_LINE;
import static io.mlconnector.snpoller.SnWorld.approve;
import static io.mlconnector.snpoller.SnWorld.published;
import static io.mlconnector.snpoller.SnWorld.run;
import static io.mlconnector.snpoller.SnWorld.total;
import static io.mlconnector.stack.ApiTokenFixtures.OPERATE;
import static io.mlconnector.stack.ApiTokenFixtures.READ;
import static io.mlconnector.stack.ApiTokenFixtures.bearer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.common.event.Topics;
import io.mlconnector.sandbox.servicenow.ServiceNowInstance;
import io.mlconnector.snpoller.cursor.CursorStore;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A cursor reset re-sends invoices even when their content was published before, and {@code
 * published_version} is pruned without ever re-sending an invoice in a normal poll, also one whose
 * line changed after its header (issue 13, item 3). Judged by the events on the topic.
 */
@QuarkusTest
@QuarkusTestResource(SnPollerStackResource.class)
class CursorResetTest extends SnWorldTest {
  @Inject CursorStore cursors;

  @Test
  void aResetReSendsEveryUnchangedInvoiceAndNothingOfOtherEntities() throws Exception {
    ServiceNowInstance sn = world.tenant("reset");
    String t = sn.name();
    List<String> early = List.of(approve(sn, "R-1", 2), approve(sn, "R-2", 1));
    List<String> centers = sn.apClerk().seedCostCenters(List.of("CC100", "CC200"));
    world.clock.advance(Duration.ofMinutes(10));
    String late = approve(sn, "R-3", 3);
    assertThat(published(run(t))).containsEntry("supplier-invoice", 3);
    assertThat(total(published(run(t)))).as("a normal poll without changes").isZero();

    given()
        .header("Authorization", bearer(READ))
        .post("/polls/{t}/reset?entity=supplier-invoice", t)
        .then()
        .statusCode(403);
    given()
        .header("Authorization", bearer(OPERATE))
        .post("/polls/{t}/reset?entity=no-such-entity", t)
        .then()
        .statusCode(400);
    given()
        .header("Authorization", bearer(OPERATE))
        .post("/polls/{t}/reset?entity=supplier-invoice&since=yesterday", t)
        .then()
        .statusCode(400);
    given()
        .header("Authorization", bearer(OPERATE))
        .post("/polls/{t}/reset?entity=supplier-invoice", t)
        .then()
        .statusCode(200);
    Map<String, Integer> after = published(run(t));

    assertThat(after).containsEntry("supplier-invoice", 3).containsEntry("cost-center", 0);
    Map<String, Long> sent = perId(t, Topics.SN_INVOICE_CHANGED, 6);
    assertThat(sent.keySet()).containsExactlyInAnyOrder(early.get(0), early.get(1), late);
    assertThat(sent).allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(2L));
    assertThat(perId(t, Topics.SN_DIMENSION_CHANGED, centers.size()))
        .containsOnlyKeys(centers)
        .allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1L));

    // From a point in time: only what was saved from there (less the overlap) on goes again.
    given()
        .header("Authorization", bearer(OPERATE))
        .post("/polls/{t}/reset?entity=supplier-invoice&since=2025-03-01T10:10:00Z", t)
        .then()
        .statusCode(200);
    assertThat(published(run(t))).containsEntry("supplier-invoice", 1);
    assertThat(perId(t, Topics.SN_INVOICE_CHANGED, 7)).containsEntry(late, 3L);
  }

  @Test
  void pruningForgetsOldVersionsWhileANormalPollSendsNothingTwice() throws Exception {
    ServiceNowInstance sn = world.tenant("prune");
    String t = sn.name();
    String lineChanged = approve(sn, "P-1", 2);
    String untouched = approve(sn, "P-2", 1);
    run(t);
    // A minute later a new invoice moves the header cursor past P-1's header and its overlap.
    world.clock.advance(Duration.ofMinutes(1));
    String mover = approve(sn, "P-3", 1);
    run(t);
    // Hours later (beyond the test profile's 1h retention) a clerk corrects one line of P-1: only
    // the line read meets it, and its header keeps its old time. Another invoice comes in.
    world.clock.advance(Duration.ofHours(2));
    String line =
        sn.list(INVOICE_LINE).stream()
            .filter(l -> l.get("invoice").equals(lineChanged))
            .findFirst()
            .orElseThrow()
            .get("sys_id");
    sn.rows().update(INVOICE_LINE, line, Map.of("quantity", "9"), "ap.clerk");
    String fresh = approve(sn, "P-4", 1);

    assertThat(published(run(t)))
        .containsEntry("supplier-invoice", 1)
        .containsEntry("supplier-invoice-line", 1);

    assertThat(
            cursors.publishedHashes(
                t, "supplier-invoice", List.of(lineChanged, untouched, mover, fresh)))
        .as("versions kept: only those saved within overlap + retention before the cursors")
        .containsOnlyKeys(lineChanged, fresh);
    assertThat(total(published(run(t)))).as("the next normal poll").isZero();
    assertThat(perId(t, Topics.SN_INVOICE_CHANGED, 5))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(lineChanged, 2L, untouched, 1L, mover, 1L, fresh, 1L));
  }

  private Map<String, Long> perId(String tenant, String topic, int atLeast) {
    world.events(topic, tenant, atLeast);
    return world.events(topic, tenant, -1).stream()
        .collect(Collectors.groupingBy(s -> s.event().sourceId(), Collectors.counting()));
  }
}

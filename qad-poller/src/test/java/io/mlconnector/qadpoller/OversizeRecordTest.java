package io.mlconnector.qadpoller;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.common.event.Topics;
import io.mlconnector.qadpoller.cursor.CursorStore;
import io.mlconnector.sandbox.qad.QadEntity;
import io.mlconnector.sandbox.qad.QadRow;
import io.mlconnector.sandbox.qad.QadTenant;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One source record larger than any event may be must not pin the cursor (issue 13, item 9). */
@QuarkusTest
@QuarkusTestResource(PollerStackResource.class)
class OversizeRecordTest extends QadWorldTest {
  @Inject CursorStore cursors;

  @Test
  void aRecordOverTheSizeLimitIsParkedWithItsReasonAndTheCursorMovesOn() throws Exception {
    QadTenant qad = world.tenant("huge", 41, QadWorld.SMALL);
    String t = qad.name();
    QadRow victim = qad.table(QadEntity.SUPPLIER).all().get(0);
    QadRow huge =
        qad.table(QadEntity.SUPPLIER)
            .change(victim.key(), Map.of("vd_sort", "x".repeat(1_200_000)), world.clock.instant());

    var report = QadPollerTest.run(t);

    List<Map<String, Object>> runs = report.getList("entities");
    assertThat(runs)
        .filteredOn(r -> "supplier".equals(r.get("entity")))
        .singleElement()
        .satisfies(r -> assertThat(r.get("error")).isNull());
    assertThat(cursors.find(t, "supplier").orElseThrow().lastModified())
        .isAfterOrEqualTo(huge.modified());
    var parked =
        world.events(Topics.PARKED, t, 1).stream()
            .filter(
                s ->
                    s.event()
                        .payload()
                        .path("originalTopic")
                        .asText()
                        .equals(Topics.QAD_SUPPLIER_CHANGED))
            .toList();
    assertThat(parked)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.event().payload().path("reason").asText())
                  .contains("over mlc.kafka.max-record-bytes");
              assertThat(s.event().payload().path("originalBytes").asInt())
                  .isGreaterThan(1_200_000);
            });
    assertThat(world.events(Topics.QAD_SUPPLIER_CHANGED, t, -1))
        .hasSize(qad.table(QadEntity.SUPPLIER).size() - 1);
  }
}

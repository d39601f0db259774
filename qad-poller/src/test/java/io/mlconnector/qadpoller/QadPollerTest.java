package io.mlconnector.qadpoller;

import static io.mlconnector.stack.ApiTokenFixtures.OPERATE;
import static io.mlconnector.stack.ApiTokenFixtures.READ;
import static io.mlconnector.stack.ApiTokenFixtures.bearer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.common.audit.AuditStage;
import io.mlconnector.common.audit.AuditTrail;
import io.mlconnector.common.event.EntityType;
import io.mlconnector.common.event.Topics;
import io.mlconnector.sandbox.qad.QadEntity;
import io.mlconnector.sandbox.qad.QadTenant;
import io.mlconnector.sandbox.seed.SeedSize;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PollerStackResource.class)
class QadPollerTest extends QadWorldTest {
  static final Map<EntityType, QadEntity> TABLES =
      Map.of(
          EntityType.SUPPLIER, QadEntity.SUPPLIER,
          EntityType.PURCHASE_ORDER, QadEntity.PURCHASE_ORDER,
          EntityType.PURCHASE_ORDER_LINE, QadEntity.PURCHASE_ORDER_LINE,
          EntityType.GOODS_RECEIPT, QadEntity.GOODS_RECEIPT,
          EntityType.GL_ACCOUNT, QadEntity.GL_ACCOUNT,
          EntityType.COST_CENTER, QadEntity.COST_CENTER,
          EntityType.SUB_ACCOUNT, QadEntity.SUB_ACCOUNT,
          EntityType.PROJECT, QadEntity.PROJECT);

  @Inject AuditTrail audit;

  static Map<String, Integer> published(JsonPath report) {
    Map<String, Integer> out = new HashMap<>();
    List<Map<String, Object>> entities = report.getList("entities");
    entities.forEach(
        e -> out.put((String) e.get("entity"), ((Number) e.get("published")).intValue()));
    return out;
  }

  static JsonPath run(String tenant) {
    return given()
        .header("Authorization", bearer(OPERATE))
        .post("/polls/{t}/run", tenant)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  static int total(Map<String, Integer> counts) {
    return counts.values().stream().mapToInt(Integer::intValue).sum();
  }

  @Test
  void seededTenantIsPublishedOnceWithKeysPayloadsAndAuditThenOnlyChanges() throws Exception {
    QadTenant qad = world.tenant("seeded", 3, QadWorld.SMALL);
    String t = qad.name();

    Map<String, Integer> first = published(run(t));

    TABLES.forEach(
        (entity, table) ->
            assertThat(first.get(entity.wireName()))
                .as(entity.wireName())
                .isEqualTo(qad.table(table).size()));
    int poRecords =
        first.get("purchase-order") + first.get("purchase-order-line") + first.get("goods-receipt");
    var po = world.events(Topics.QAD_PO_CHANGED, t, poRecords);
    assertThat(po).hasSize(poRecords);
    var line =
        po.stream()
            .filter(s -> s.event().entity() == EntityType.PURCHASE_ORDER_LINE)
            .findFirst()
            .orElseThrow();
    String poNumber = QadWorld.field(line, "pod_nbr").asText();
    assertThat(line.key()).isEqualTo(t + "|po|" + poNumber);
    assertThat(line.event().sourceId())
        .isEqualTo(poNumber + "|" + QadWorld.field(line, "pod_line").asText());
    assertThat(line.event().sourceVersion())
        .matches(QadWorld.field(line, "mod_date").asText() + "#[0-9a-f]{64}");
    var row = qad.table(QadEntity.PURCHASE_ORDER_LINE).find(line.event().sourceId()).orElseThrow();
    assertThat(QadWorld.field(line, "pod_desc").asText()).isEqualTo(row.text("pod_desc"));
    assertThat(QadWorld.field(line, "pod_pur_cost").decimalValue())
        .isEqualByComparingTo(new BigDecimal(row.text("pod_pur_cost")));
    var receipt =
        po.stream()
            .filter(s -> s.event().entity() == EntityType.GOODS_RECEIPT)
            .findFirst()
            .orElseThrow();
    assertThat(receipt.key()).isEqualTo(t + "|po|" + QadWorld.field(receipt, "prh_nbr").asText());
    assertThat(receipt.event().sourceId())
        .isEqualTo(
            QadWorld.field(receipt, "prh_receiver").asText()
                + "|"
                + QadWorld.field(receipt, "prh_line").asText());
    // Headers before their lines: same key, same partition, the header's offset first.
    var header =
        po.stream()
            .filter(
                s -> s.key().equals(line.key()) && s.event().entity() == EntityType.PURCHASE_ORDER)
            .findFirst()
            .orElseThrow();
    assertThat(header.partition()).isEqualTo(line.partition());
    assertThat(header.offset()).isLessThan(line.offset());
    var trail = audit.history(t, line.event().sourceId());
    assertThat(trail)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.stage()).isEqualTo(AuditStage.POLLED);
              assertThat(a.kafka().offset()).isEqualTo(line.offset());
              assertThat(a.eventId()).isEqualTo(line.event().eventId());
            });
    assertThat(world.events(Topics.QAD_SUPPLIER_CHANGED, t, first.get("supplier")))
        .hasSize(first.get("supplier"))
        .allSatisfy(s -> assertThat(s.key()).isEqualTo(t + "|supplier|" + s.event().sourceId()));
    int dims =
        first.get("gl-account")
            + first.get("cost-center")
            + first.get("sub-account")
            + first.get("project");
    assertThat(world.events(Topics.QAD_DIMENSION_CHANGED, t, dims)).hasSize(dims);

    assertThat(total(published(run(t)))).as("second run without changes").isZero();

    world.clock.advance(Duration.ofMinutes(3));
    String changedLine = line.event().sourceId();
    qad.change(QadEntity.PURCHASE_ORDER_LINE, changedLine, Map.of("pod_desc", "Changed in QAD"));
    String receiver =
        qad.receiving()
            .receive(
                poNumber,
                Map.of(Integer.parseInt(changedLine.split("\\|")[1]), new BigDecimal("1")));
    Map<String, Integer> third = published(run(t));

    assertThat(third.get("goods-receipt")).isEqualTo(1);
    assertThat(third.get("purchase-order-line")).isEqualTo(1);
    assertThat(third.get("supplier") + third.get("gl-account") + third.get("project")).isZero();
    var after = world.events(Topics.QAD_PO_CHANGED, t, poRecords + 2 + third.get("purchase-order"));
    assertThat(after)
        .filteredOn(s -> s.event().sourceId().equals(changedLine))
        .hasSize(2)
        .last()
        .satisfies(
            s -> assertThat(QadWorld.field(s, "pod_desc").asText()).isEqualTo("Changed in QAD"));
    assertThat(after)
        .filteredOn(s -> s.event().entity() == EntityType.GOODS_RECEIPT)
        .extracting(s -> s.event().sourceId())
        .containsOnlyOnce(receiver + "|" + changedLine.split("\\|")[1]);

    JsonPath state =
        given()
            .header("Authorization", bearer(READ))
            .get("/polls/{t}", t)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(state.getMap("entities")).hasSize(8);
    assertThat(state.getString("entities.'purchase-order-line'.cursor.lastModified"))
        .isEqualTo("2025-03-01T10:03:00Z");
    assertThat(state.getInt("entities.'purchase-order-line'.lastRun.published")).isEqualTo(1);
  }

  @Test
  void rowsSharingOneSecondAcrossPageBoundariesArePublishedExactlyOnce() throws Exception {
    QadTenant qad = world.tenant("ties", 5, new SeedSize(10, 70, 200, 50, 20, 30));
    String t = qad.name();
    int lines = qad.table(QadEntity.PURCHASE_ORDER_LINE).size();
    assertThat(lines).isGreaterThan(260);
    qad.shareModifiedTime(
        QadEntity.PURCHASE_ORDER_LINE, 250, java.time.Instant.parse("2025-02-01T00:00:00Z"));

    assertThat(published(run(t)).get("purchase-order-line")).isEqualTo(lines);

    // A mass update inside one second (the clock stands still): 250 ties, pages of 100.
    world.clock.advance(Duration.ofMinutes(1));
    var touched = qad.table(QadEntity.PURCHASE_ORDER_LINE).all().stream().limit(250).toList();
    touched.forEach(
        r -> qad.change(QadEntity.PURCHASE_ORDER_LINE, r.key(), Map.of("pod_desc", "mass update")));
    assertThat(published(run(t)).get("purchase-order-line")).isEqualTo(250);

    var events =
        world.events(Topics.QAD_PO_CHANGED, t, -1).stream()
            .filter(s -> s.event().entity() == EntityType.PURCHASE_ORDER_LINE)
            .toList();
    Map<String, Long> perLine =
        events.stream()
            .collect(Collectors.groupingBy(s -> s.event().sourceId(), Collectors.counting()));
    assertThat(perLine).hasSize(lines);
    touched.forEach(r -> assertThat(perLine.get(r.key())).as(r.key()).isEqualTo(2L));
    assertThat(events).hasSize(lines + 250);
  }

  @Test
  void twoTenantsNeverSeeEachOthersData() throws Exception {
    QadTenant a = world.tenant("alpha", 11, QadWorld.SMALL);
    QadTenant b = world.tenant("beta", 12, new SeedSize(12, 10, 200, 50, 20, 30));
    a.change(QadEntity.SUPPLIER, "S00001", Map.of("vd_sort", "Alpha only"));

    Map<String, Integer> ra = published(run(a.name()));
    Map<String, Integer> rb = published(run(b.name()));

    assertThat(ra.get("supplier")).isEqualTo(a.table(QadEntity.SUPPLIER).size());
    assertThat(rb.get("supplier")).isEqualTo(12);
    var bSuppliers = world.events(Topics.QAD_SUPPLIER_CHANGED, b.name(), 12);
    assertThat(bSuppliers)
        .hasSize(12)
        .allSatisfy(
            s -> {
              assertThat(s.event().tenant()).isEqualTo(b.name());
              assertThat(QadWorld.field(s, "vd_sort").asText()).isNotEqualTo("Alpha only");
            });
    assertThat(world.events(Topics.QAD_SUPPLIER_CHANGED, a.name(), ra.get("supplier")))
        .anySatisfy(s -> assertThat(QadWorld.field(s, "vd_sort").asText()).isEqualTo("Alpha only"));
    assertThat(
            given()
                .header("Authorization", bearer(READ))
                .get("/polls/{t}", b.name())
                .then()
                .extract()
                .jsonPath()
                .getInt("entities.supplier.lastRun.published"))
        .isEqualTo(12);
  }
}

package io.mlconnector.mapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.common.audit.AuditEntry;
import io.mlconnector.common.audit.AuditStage;
import io.mlconnector.common.event.EntityType;
import io.mlconnector.common.event.EnvelopeCodec;
import io.mlconnector.common.event.EventEnvelope;
import io.mlconnector.common.event.EventKey;
import io.mlconnector.common.event.SourceSystem;
import io.mlconnector.common.event.Topics;
import io.mlconnector.common.tenant.Tenant;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(MapperStack.class)
class StagingMappingTest extends MapperTestBase {

  @Inject DataSource dataSource;

  private String tenant(Map<String, String> overrides) throws Exception {
    String id = "map-" + UUID.randomUUID().toString().substring(0, 8);
    MapperStack.tenants()
        .put(
            new Tenant(
                id,
                "Mapper test",
                true,
                new Tenant.Qad(URI.create("https://qad.example"), "10USA_10USACO", "c", "u", null),
                new Tenant.ServiceNow(URI.create("https://sn.example"), "c", null, false),
                Map.of(),
                overrides,
                false,
                false));
    return id;
  }

  private EventEnvelope publish(String tenant, EntityType entity, String id, ObjectNode record)
      throws Exception {
    EventEnvelope event =
        EventEnvelope.create(tenant, entity, SourceSystem.QAD, id, "v1", Instant.now(), record);
    String keyPart = entity.family().equals("po") ? id.split("\\|")[0] : id;
    topics.send(
        Topics.changed(SourceSystem.QAD, entity),
        EventKey.of(tenant, entity, keyPart),
        EnvelopeCodec.write(event));
    return event;
  }

  private EventEnvelope awaitCommand(String key, String externalId) {
    List<ConsumerRecord<String, byte[]>> seen =
        topics.readUntil(
            Topics.SN_UPSERT,
            rs -> rs.stream().anyMatch(r -> matches(r, key, externalId)),
            Duration.ofSeconds(30));
    return seen.stream()
        .filter(r -> matches(r, key, externalId))
        .map(r -> EnvelopeCodec.read(r.value()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no sn.upsert for " + externalId));
  }

  private static boolean matches(ConsumerRecord<String, byte[]> r, String key, String externalId) {
    return key.equals(r.key())
        && EnvelopeCodec.read(r.value()).payload().path("externalId").asText().equals(externalId);
  }

  @Test
  void purchaseOrderLineBecomesAStagingRowFieldForFieldUnderItsPurchaseOrdersKey()
      throws Exception {
    String tenant = tenant(Map.of());
    ObjectNode line =
        json.createObjectNode()
            .put("pod_nbr", "PO77")
            .put("pod_line", 3)
            .put("pod_part", "BOLT-M8")
            .put("pod_desc", "Bolt, M8 ^ \"hex\"")
            .put("pod_qty_ord", 12.5)
            .put("pod_pur_cost", 0.42)
            .put("pod_um", "EA")
            .put("pod_acct", "6100")
            .put("pod_cc", "CC10")
            .put("pod_sub", "000")
            .put("pod_project", "")
            .put("pod_due_date", "2026-12-01");
    EventEnvelope source = publish(tenant, EntityType.PURCHASE_ORDER_LINE, "PO77|3", line);

    EventEnvelope command = awaitCommand(tenant + "|po|PO77", "PO77|3");

    JsonNode payload = command.payload();
    assertThat(payload.get("table").asText()).isEqualTo("sn_fcms_intg_imp_order_line");
    assertThat(command.traceId()).isEqualTo(source.traceId());
    assertThat(command.sourceSystem()).isEqualTo(SourceSystem.CONNECTOR);
    Map<String, String> row = json.convertValue(payload.get("row"), Map.class);
    assertThat(row)
        .containsEntry("u_external_id", "PO77|3")
        .containsEntry("u_erp_source", "QAD")
        .containsEntry("u_order_external_id", "PO77")
        .containsEntry("u_erp_line_number", "3")
        .containsEntry("u_item_number", "BOLT-M8")
        .containsEntry("u_description", "Bolt, M8 ^ \"hex\"")
        .containsEntry("u_purchase_quantity", "12.5")
        .containsEntry("u_unit_price", "0.42")
        .containsEntry("u_gl_account", "6100")
        .containsEntry("u_cost_center", "CC10")
        .containsEntry("u_project", "")
        .containsEntry("u_need_by_date", "2026-12-01");
    assertThat(audit.history(tenant, "PO77|3"))
        .extracting(AuditEntry::stage)
        .containsExactly(AuditStage.RECEIVED, AuditStage.MAPPED);
  }

  @Test
  void tenantOverrideChangesAColumnForThatTenantOnly() throws Exception {
    String tenant =
        tenant(Map.of("qad-to-servicenow.supplier.columns.u_name", "{vd_addr} – {vd_sort}"));
    ObjectNode supplier =
        json.createObjectNode().put("vd_addr", "V9").put("vd_sort", "Acme").put("vd_hold", true);
    publish(tenant, EntityType.SUPPLIER, "V9", supplier);

    JsonNode row = awaitCommand(tenant + "|supplier|V9", "V9").payload().get("row");
    assertThat(row.get("u_name").asText()).isEqualTo("V9 – Acme");
    assertThat(row.get("u_active").asText()).isEqualTo("false");
  }

  @Test
  void recordMissingARequiredFieldIsParkedWithAReasonAPersonCanActOn() throws Exception {
    String tenant = tenant(Map.of());
    ObjectNode line = json.createObjectNode().put("pod_nbr", "PO78").put("pod_line", 1);
    publish(tenant, EntityType.PURCHASE_ORDER_LINE, "PO78|1", line);

    String reason = awaitParkedReason(tenant, "PO78|1");
    assertThat(reason)
        .isEqualTo(
            "QAD purchase-order-line PO78|1 has no value for required field pod_qty_ord;"
                + " complete it in QAD");
    List<AuditEntry> trail = audit.history(tenant, "PO78|1");
    assertThat(trail).extracting(AuditEntry::stage).contains(AuditStage.PARKED);
    assertThat(trail.get(trail.size() - 1).error()).isEqualTo(reason);
  }

  @Test
  void oversizeValueAndUnknownTenantAreParkedNotDropped() throws Exception {
    String tenant = tenant(Map.of());
    ObjectNode supplier =
        json.createObjectNode().put("vd_addr", "V10").put("vd_sort", "x".repeat(5000));
    publish(tenant, EntityType.SUPPLIER, "V10", supplier);
    assertThat(awaitParkedReason(tenant, "V10")).contains("u_name is 5000 characters");

    publish("nobody-" + tenant.substring(4), EntityType.SUPPLIER, "V11", supplier);
    assertThat(awaitParkedReason("nobody-" + tenant.substring(4), "V11"))
        .contains("is not in the registry");
  }

  @Test
  void subAccountIsCatalogedForAlignmentAndNotStaged() throws Exception {
    String tenant = tenant(Map.of());
    ObjectNode sub =
        json.createObjectNode()
            .put("sb_sub", "200")
            .put("sb_desc", "Plant")
            .put("sb_active", false);
    publish(tenant, EntityType.SUB_ACCOUNT, "200", sub);

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> audit.history(tenant, "200"), rows -> !rows.isEmpty());
    try (var c = dataSource.getConnection();
        var ps =
            c.prepareStatement(
                "select active from qad_dimension where tenant = ? and dimension = 'sub-account'"
                    + " and code = '200'")) {
      ps.setString(1, tenant);
      var rs = ps.executeQuery();
      assertThat(rs.next()).isTrue();
      assertThat(rs.getBoolean(1)).isFalse();
    }
    assertThat(audit.history(tenant, "200"))
        .extracting(AuditEntry::stage)
        .containsExactly(AuditStage.RECEIVED);
  }

  private String awaitParkedReason(String tenant, String externalId) {
    var parked =
        topics.readUntil(
            Topics.PARKED,
            rs -> rs.stream().anyMatch(r -> isParked(r, tenant, externalId)),
            Duration.ofSeconds(30));
    return parked.stream()
        .filter(r -> isParked(r, tenant, externalId))
        .map(r -> EnvelopeCodec.read(r.value()).payload().get("reason").asText())
        .findFirst()
        .orElseThrow(() -> new AssertionError("not parked: " + externalId));
  }

  private static boolean isParked(ConsumerRecord<String, byte[]> r, String tenant, String id) {
    EventEnvelope e = EnvelopeCodec.read(r.value());
    return e.tenant().equals(tenant) && e.sourceId().equals(id);
  }
}

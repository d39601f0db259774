package io.mlconnector.mapper;

import static io.mlconnector.stack.ApiTokenFixtures.OPERATE;
import static io.mlconnector.stack.ApiTokenFixtures.READ;
import static io.mlconnector.stack.ApiTokenFixtures.bearer;
import static io.restassured.RestAssured.given;
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
import io.mlconnector.mapper.dimension.Dimension;
import io.mlconnector.mapper.dimension.DimensionStore;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(MapperStack.class)
class InvoiceMappingTest extends MapperTestBase {

  @jakarta.inject.Inject DimensionStore dimensionStore;

  private String tenantWithDimensions() throws Exception {
    String id = "inv-" + UUID.randomUUID().toString().substring(0, 8);
    MapperStack.tenants()
        .put(
            new Tenant(
                id,
                "Invoice test",
                true,
                new Tenant.Qad(URI.create("https://qad.example"), "W", "c", "u", null),
                new Tenant.ServiceNow(URI.create("https://sn.example"), "c", null, false),
                Map.of(),
                Map.of(),
                false,
                false));
    qadDimension(
        id,
        EntityType.COST_CENTER,
        json.createObjectNode().put("cc_ctr", "CC100").put("cc_active", true));
    qadDimension(
        id,
        EntityType.COST_CENTER,
        json.createObjectNode().put("cc_ctr", "CC900").put("cc_active", false));
    qadDimension(
        id,
        EntityType.GL_ACCOUNT,
        json.createObjectNode().put("ac_code", "5000").put("ac_active", true));
    qadDimension(
        id,
        EntityType.GL_ACCOUNT,
        json.createObjectNode().put("ac_code", "7000").put("ac_active", true));
    send(
        id,
        EntityType.COST_CENTER,
        SourceSystem.SERVICENOW,
        "sn-cc1",
        json.createObjectNode().put("code", "CC100").put("active", "true"));
    send(
        id,
        EntityType.COST_CENTER,
        SourceSystem.SERVICENOW,
        "sn-cc2",
        json.createObjectNode().put("code", "CC-SN-ONLY").put("active", "true"));
    send(
        id,
        EntityType.GL_ACCOUNT,
        SourceSystem.SERVICENOW,
        "sn-gl1",
        json.createObjectNode().put("account_number", "5000").put("active", "true"));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> audit.history(id, "sn-gl1"), rows -> !rows.isEmpty());
    return id;
  }

  private void qadDimension(String tenant, EntityType entity, ObjectNode record) throws Exception {
    String code = record.fields().next().getValue().asText();
    send(tenant, entity, SourceSystem.QAD, code, record);
  }

  private EventEnvelope send(
      String tenant, EntityType entity, SourceSystem system, String id, ObjectNode payload)
      throws Exception {
    EventEnvelope e =
        EventEnvelope.create(tenant, entity, system, id, "v1", Instant.now(), payload);
    topics.send(
        Topics.changed(system, entity), EventKey.of(tenant, entity, id), EnvelopeCodec.write(e));
    return e;
  }

  private ObjectNode invoice(String costCenter, String quantity) {
    ObjectNode payload = json.createObjectNode();
    payload
        .putObject("header")
        .put("integration_status", "New")
        .put("supplier_code", "S00012")
        .put("invoice_number", "INV-77")
        .put("invoice_reference", "REF-77")
        .put("invoice_date", "2025-02-01")
        .put("currency", "USD");
    payload
        .putArray("lines")
        .addObject()
        .put("line_number", "1")
        .put("po_number", "P0000001")
        .put("po_line", "2")
        .put("quantity", quantity)
        .put("unit_price", "18.40")
        .put("cost_center", costCenter)
        .put("gl_account", "5000")
        .put("sub_account", "")
        .put("project", "");
    return payload;
  }

  private JsonNode awaitCommand(String tenant, String sysId, int occurrence) {
    var seen =
        topics.readUntil(
            Topics.QAD_INVOICE_POST,
            rs ->
                rs.stream().filter(r -> r.key().equals(tenant + "|invoice|" + sysId)).count()
                    >= occurrence,
            Duration.ofSeconds(30));
    List<JsonNode> commands =
        seen.stream()
            .filter(r -> r.key().equals(tenant + "|invoice|" + sysId))
            .map(r -> EnvelopeCodec.read(r.value()).payload())
            .toList();
    assertThat(commands).hasSizeGreaterThanOrEqualTo(occurrence);
    return commands.get(occurrence - 1);
  }

  @Test
  void approvedInvoiceBecomesAQadSupplierInvoiceWithPoLinksAndQadDimensions() throws Exception {
    String tenant = tenantWithDimensions();
    send(
        tenant,
        EntityType.SUPPLIER_INVOICE,
        SourceSystem.SERVICENOW,
        "sys1",
        invoice("CC100", "10"));

    JsonNode command = awaitCommand(tenant, "sys1", 1);
    assertThat(command.get("action").asText()).isEqualTo("post");
    JsonNode invoice = command.get("supplierInvoice");
    assertThat(invoice.get("supplier").asText()).isEqualTo("S00012");
    assertThat(invoice.get("invoiceReference").asText()).isEqualTo("REF-77");
    JsonNode line = invoice.get("lines").get(0);
    assertThat(line.get("poNumber").asText()).isEqualTo("P0000001");
    assertThat(line.get("poLine").asInt()).isEqualTo(2);
    assertThat(line.get("quantity").decimalValue()).isEqualByComparingTo("10");
    assertThat(line.get("costCenter").asText()).isEqualTo("CC100");
    assertThat(line.get("glAccount").asText()).isEqualTo("5000");
  }

  @Test
  void unknownCostCenterParksTheInvoiceNamingLineAndCodeThenMappingAndReplayPostsIt()
      throws Exception {
    String tenant = tenantWithDimensions();
    ObjectNode payload = invoice("CC-SN-ONLY", "10");
    EventEnvelope original =
        send(tenant, EntityType.SUPPLIER_INVOICE, SourceSystem.SERVICENOW, "sys2", payload);

    JsonNode reject = awaitCommand(tenant, "sys2", 1);
    assertThat(reject.get("action").asText()).isEqualTo("reject");
    assertThat(reject.get("reason").asText())
        .startsWith("line 1: cost center CC-SN-ONLY does not exist in QAD");
    assertThat(audit.history(tenant, "sys2"))
        .extracting(AuditEntry::stage)
        .contains(AuditStage.PARKED);

    given()
        .header("Authorization", bearer(OPERATE))
        .contentType(ContentType.JSON)
        .body("{\"qadCode\":\"CC100\"}")
        .put("/dimensions/" + tenant + "/mappings/cost-center/CC-SN-ONLY")
        .then()
        .statusCode(200);
    topics.send(
        Topics.SN_INVOICE_CHANGED,
        EventKey.of(tenant, EntityType.SUPPLIER_INVOICE, "sys2"),
        EnvelopeCodec.write(original));

    JsonNode post = awaitCommand(tenant, "sys2", 2);
    assertThat(post.get("action").asText()).isEqualTo("post");
    assertThat(post.at("/supplierInvoice/lines/0/costCenter").asText()).isEqualTo("CC100");
  }

  @Test
  void invoiceRejectedForACodeQadHadNotReportedYetIsPostedWhenQadReportsIt() throws Exception {
    String tenant = tenantWithDimensions();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                dimensionStore
                    .codes(DimensionStore.Side.QAD, tenant, Dimension.COST_CENTER)
                    .containsKey("CC100"));
    send(
        tenant,
        EntityType.SUPPLIER_INVOICE,
        SourceSystem.SERVICENOW,
        "sys-late",
        invoice("CC-LATE", "10"));
    assertThat(awaitCommand(tenant, "sys-late", 1).get("action").asText()).isEqualTo("reject");

    // QAD's catalog was still loading: the cost center arrives after the invoice.
    qadDimension(
        tenant,
        EntityType.COST_CENTER,
        json.createObjectNode().put("cc_ctr", "CC-LATE").put("cc_active", true));

    JsonNode post = awaitCommand(tenant, "sys-late", 2);
    assertThat(post.get("action").asText()).isEqualTo("post");
    assertThat(post.at("/supplierInvoice/lines/0/costCenter").asText()).isEqualTo("CC-LATE");
  }

  @Test
  void inactiveCostCenterAndBadQuantityAreRejectedWithReasons() throws Exception {
    String tenant = tenantWithDimensions();
    send(
        tenant,
        EntityType.SUPPLIER_INVOICE,
        SourceSystem.SERVICENOW,
        "sys3",
        invoice("CC900", "10"));
    send(
        tenant,
        EntityType.SUPPLIER_INVOICE,
        SourceSystem.SERVICENOW,
        "sys4",
        invoice("CC100", "ten"));

    assertThat(awaitCommand(tenant, "sys3", 1).get("reason").asText())
        .contains("cost center CC900 is inactive in QAD");
    assertThat(awaitCommand(tenant, "sys4", 1).get("reason").asText())
        .isEqualTo("line 1: quantity 'ten' is not a number");
  }

  @Test
  void processedInvoiceIsNotPostedAgain() throws Exception {
    String tenant = tenantWithDimensions();
    ObjectNode processed = invoice("CC100", "10");
    ((ObjectNode) processed.get("header")).put("integration_status", "Processed");
    send(tenant, EntityType.SUPPLIER_INVOICE, SourceSystem.SERVICENOW, "sys5", processed);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> audit.history(tenant, "sys5"), rows -> !rows.isEmpty());
    assertThat(audit.history(tenant, "sys5"))
        .extracting(AuditEntry::stage)
        .containsExactly(AuditStage.RECEIVED);
  }

  @Test
  void alignmentReportListsCodesMissingOnEachSide() throws Exception {
    String tenant = tenantWithDimensions();
    given()
        .header("Authorization", bearer(READ))
        .get("/dimensions/" + tenant + "/alignment")
        .then()
        .statusCode(200)
        .body("'cost-center'.servicenowMissingInQad", org.hamcrest.Matchers.contains("CC-SN-ONLY"))
        .body("'cost-center'.qadMissingInServicenow", org.hamcrest.Matchers.contains("CC900"))
        .body("'gl-account'.qadMissingInServicenow", org.hamcrest.Matchers.contains("7000"));
    given()
        .header("Authorization", bearer(OPERATE))
        .contentType(ContentType.JSON)
        .body("{}")
        .put("/dimensions/" + tenant + "/mappings/cost-center/X")
        .then()
        .statusCode(400)
        .body("message", org.hamcrest.Matchers.is("qadCode is required"));
  }

  @Test
  void aMappingToACodeQadDoesNotHaveOrHasDeactivatedIsRefused() throws Exception {
    String tenant = tenantWithDimensions();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                given()
                    .header("Authorization", bearer(READ))
                    .get("/dimensions/" + tenant + "/alignment")
                    .jsonPath()
                    .getList("'cost-center'.qadMissingInServicenow"),
            codes -> codes.contains("CC900"));
    given()
        .header("Authorization", bearer(OPERATE))
        .contentType(ContentType.JSON)
        .body("{\"qadCode\":\"CC-NOPE\"}")
        .put("/dimensions/" + tenant + "/mappings/cost-center/CC-SN-ONLY")
        .then()
        .statusCode(400)
        .body("code", org.hamcrest.Matchers.is("unknown-qad-code"))
        .body("message", org.hamcrest.Matchers.containsString("CC-NOPE does not exist in QAD"));
    given()
        .header("Authorization", bearer(OPERATE))
        .contentType(ContentType.JSON)
        .body("{\"qadCode\":\"CC900\"}")
        .put("/dimensions/" + tenant + "/mappings/cost-center/CC-SN-ONLY")
        .then()
        .statusCode(400)
        .body("message", org.hamcrest.Matchers.containsString("CC900 is inactive in QAD"));
    given()
        .header("Authorization", bearer(READ))
        .get("/dimensions/" + tenant + "/mappings")
        .then()
        .statusCode(200)
        .body("'cost-center'", org.hamcrest.Matchers.anEmptyMap());
  }
}

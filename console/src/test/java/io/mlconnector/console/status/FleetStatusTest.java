package io.mlconnector.console.status;

import static io.mlconnector.console.ConsoleApi.authorized;
import static io.mlconnector.console.ConsoleApi.tenant;
import static io.mlconnector.console.ConsoleApi.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.common.event.EntityType;
import io.mlconnector.common.event.EnvelopeCodec;
import io.mlconnector.common.event.EventEnvelope;
import io.mlconnector.common.event.EventKey;
import io.mlconnector.common.event.SourceSystem;
import io.mlconnector.common.event.Topics;
import io.mlconnector.console.parked.ParkedStore;
import io.mlconnector.stack.SharedStack;
import io.mlconnector.stack.SqlProbe;
import io.mlconnector.stack.StackResource;
import io.mlconnector.stack.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The status of a tenant is what the services published: a poller's cursor, audit rows, the
 * writer's invoices, a consumer group's committed offsets on a real broker and a parking on {@code
 * mlc.parked}, each written the way the services write them.
 */
@QuarkusTest
@QuarkusTestResource(StackResource.class)
class FleetStatusTest {
  /** A group of the fleet ({@code mlc-…}, as the services' groups are named). */
  private static final String GROUP = "mlc-status-test";

  @Inject DataSource dataSource;
  @Inject ParkedStore parked;
  private final TopicProbe topics = new TopicProbe(SharedStack.endpoints());
  private final String id = uniqueId("status");

  @BeforeEach
  void schemas() throws Exception {
    StatusSchemas.create(dataSource);
  }

  @Test
  void aTenantsFiguresComeFromWhatTheServicesPublished() throws Exception {
    authorized()
        .body(tenant(id, "qad-pw-123456", "sn-secret-123456"))
        .post("/tenants")
        .then()
        .statusCode(201);
    SqlProbe.update(
        dataSource,
        "insert into "
            + StatusSchemas.POLLER
            + ".poll_cursor (tenant, source, entity,"
            + " last_modified, last_key, updated_at) values (?, 'qad', 'supplier',"
            + " '2026-11-30T07:00:00Z', 'S-100', now())",
        id);
    for (int i = 0; i < 3; i++) {
      audit(id, "S-" + i, "POLLED", null);
    }
    audit(id, "S-9", "FAILED", "QAD answered 503");
    invoice(id, "sys-1", "AWAITING_RECEIPT", "PO-1 line 1: 4 of 10 received, 6 missing", null);
    invoice(id, "sys-2", "POSTED", null, "V-77");
    Backlogs.threeBehind(id, GROUP);
    park(id, "INV-1");

    authorized()
        .get("/status/" + id)
        .then()
        .statusCode(200)
        .body("health", equalTo("ATTENTION"))
        .body("entities[0].system", equalTo("status_test_qad"))
        .body("entities[0].entity", equalTo("supplier"))
        .body("entities[0].cursorKey", equalTo("S-100"))
        .body("behind['" + GROUP + "']['" + Topics.QAD_SUPPLIER_CHANGED + "']", equalTo(3))
        .body("parked", equalTo(1))
        .body("invoices.AWAITING_RECEIPT", equalTo(1))
        .body("invoices.POSTED", equalTo(1))
        .body("stages.find { it.stage == 'POLLED' }.lastHour", equalTo(3))
        .body("stages.find { it.stage == 'POLLED' }.lastDay", equalTo(3))
        .body("lastError.error", equalTo("QAD answered 503"))
        .body("lastError.externalId", equalTo("S-9"));
    authorized().get("/status").then().statusCode(200).body("tenant", hasItem(id));

    List<Integer> polled =
        authorized()
            .get("/status/" + id + "/throughput")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("stages.POLLED", Integer.class);
    assertThat(polled).hasSize(60);
    assertThat(polled.stream().mapToInt(Integer::intValue).sum()).isEqualTo(3);

    authorized()
        .queryParam("status", "AWAITING_RECEIPT")
        .get("/status/" + id + "/invoices")
        .then()
        .statusCode(200)
        .body("[0].waitingOn", equalTo("PO-1 line 1: 4 of 10 received, 6 missing"));
    authorized()
        .queryParam("status", "POSTED")
        .get("/status/" + id + "/invoices")
        .then()
        .statusCode(200)
        .body("[0].voucher", equalTo("V-77"));
    authorized()
        .queryParam("status", "LOST")
        .get("/status/" + id + "/invoices")
        .then()
        .statusCode(400);
  }

  @Test
  void theAuditSearchFindsAnInvoicesTrailByItsNumberOrVoucher() throws Exception {
    invoice(id, "sys-7", "POSTED", null, "V-7");
    SqlProbe.update(
        dataSource,
        "insert into console.audit_trail (tenant, entity, external_id, stage, target_id) values"
            + " (?, 'supplier-invoice', 'sys-7', 'REPLAYED', 'qad.invoice.post')",
        id);

    for (String q : List.of("sys-7", "INV-sys-7", "V-7")) {
      authorized()
          .queryParam("q", q)
          .get("/audit/" + id)
          .then()
          .statusCode(200)
          .body("size()", equalTo(1))
          .body("[0].stage", equalTo("REPLAYED"))
          .body("[0].targetId", equalTo("qad.invoice.post"));
    }
    authorized()
        .queryParam("q", "INV-unknown")
        .get("/audit/" + id)
        .then()
        .statusCode(200)
        .body("size()", equalTo(0));
    authorized().get("/audit/" + id).then().statusCode(400);
  }

  @Test
  void aTenantWithNothingPublishedIsNotPolledYet() {
    authorized()
        .body(tenant(id, "qad-pw-123456", "sn-secret-123456"))
        .post("/tenants")
        .then()
        .statusCode(201);
    authorized()
        .get("/status/" + id)
        .then()
        .statusCode(200)
        .body("health", equalTo("NOT_POLLED"))
        .body("parked", equalTo(0))
        .body("entities.size()", equalTo(0));
  }

  private void audit(String tenant, String externalId, String stage, String error)
      throws Exception {
    SqlProbe.update(
        dataSource,
        "insert into "
            + StatusSchemas.POLLER
            + ".audit_trail (tenant, entity, external_id, stage,"
            + " error) values (?, 'supplier', ?, ?, ?)",
        tenant,
        externalId,
        stage,
        error);
  }

  private void invoice(String tenant, String sysId, String status, String waitingOn, String voucher)
      throws Exception {
    SqlProbe.update(
        dataSource,
        "insert into "
            + StatusSchemas.WRITER
            + ".qad_invoice (tenant, sys_id, invoice_number,"
            + " action, command_hash, envelope, status, waiting_on, voucher) values"
            + " (?, ?, ?, 'POST', 'h', '\\x00'::bytea, ?, ?, ?)",
        tenant,
        sysId,
        "INV-" + sysId,
        status,
        waitingOn,
        voucher);
  }

  private void park(String tenant, String sourceId) throws Exception {
    ObjectNode payload = JsonNodeFactory.instance.objectNode();
    payload.put("stage", "mapper");
    payload.put("reason", "no QAD cost center for CC-9");
    EventEnvelope e =
        EventEnvelope.create(
            tenant,
            EntityType.SUPPLIER,
            SourceSystem.CONNECTOR,
            sourceId,
            "v1",
            Instant.now(),
            payload);
    topics.send(Topics.PARKED, EventKey.of(tenant, e.entity(), sourceId), EnvelopeCodec.write(e));
    await().atMost(Duration.ofSeconds(30)).until(() -> !parked.list(tenant, false).isEmpty());
  }
}

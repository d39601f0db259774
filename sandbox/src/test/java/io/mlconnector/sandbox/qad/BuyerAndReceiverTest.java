package io.mlconnector.sandbox.qad;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Buyer and receiver actions through the admin endpoints and the Java API. */
class BuyerAndReceiverTest {
  private final SettableClock clock = new SettableClock(Instant.parse("2025-03-01T10:00:00Z"));
  private QadSimulator qad;
  private QadTenant tenant;
  private QadTestClient client;

  @BeforeEach
  void start() {
    qad = QadSimulator.start(0, clock);
    tenant = qad.addTenant("acme");
    QadFixtures.masterData(tenant);
    client = new QadTestClient(qad, tenant.config());
  }

  @AfterEach
  void stop() {
    qad.close();
  }

  @Test
  void buyerCreatesAPurchaseOrderWithLinesOverTheAdminEndpoint() {
    QadTestClient.Reply created =
        client.admin(
            "POST",
            "/purchaseOrders",
            """
            {"number":"PO-77","supplier":"S100","buyer":"lchen","lines":[
              {"part":"P-9","description":"Gasket set","quantity":12,"unitCost":3.25,
               "glAccount":"5100","costCenter":"CC100","subAccount":"0000"}]}""");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().get("po_nbr").asText()).isEqualTo("PO-77");
    QadRow header = tenant.table(QadEntity.PURCHASE_ORDER).find("PO-77").orElseThrow();
    assertThat(header.text("po_curr")).isEqualTo("USD");
    assertThat(header.modified()).isEqualTo(clock.instant());
    QadRow line = tenant.table(QadEntity.PURCHASE_ORDER_LINE).find("PO-77", 1).orElseThrow();
    assertThat((BigDecimal) line.get("pod_qty_ord")).isEqualByComparingTo("12");
    assertThat((BigDecimal) line.get("pod_qty_rcvd")).isZero();
    assertThat(line.text("pod_acct")).isEqualTo("5100");

    QadTestClient.Reply unknownSupplier =
        client.admin("POST", "/purchaseOrders", "{\"supplier\":\"NOPE\",\"lines\":[{}]}");
    assertThat(unknownSupplier.status()).isEqualTo(400);
  }

  @Test
  void receiptRaisesReceivedQuantityAndWritesReceiptHistory() {
    String po = QadFixtures.purchaseOrder(tenant);
    clock.advance(Duration.ofHours(2));
    QadTestClient.Reply receipt =
        client.admin(
            "POST",
            "/receipts",
            "{\"poNumber\":\""
                + po
                + "\",\"lines\":[{\"line\":1,\"quantity\":4},{\"line\":2,\"quantity\":4}]}");
    assertThat(receipt.status()).as(receipt.body()).isEqualTo(201);
    String receiver = receipt.json().get("prh_receiver").asText();

    QadRow line1 = tenant.table(QadEntity.PURCHASE_ORDER_LINE).find(po, 1).orElseThrow();
    assertThat((BigDecimal) line1.get("pod_qty_rcvd")).isEqualByComparingTo("4");
    assertThat(line1.text("pod_status")).isEmpty();
    assertThat(line1.modified()).isEqualTo(Instant.parse("2025-03-01T12:00:00Z"));
    QadRow line2 = tenant.table(QadEntity.PURCHASE_ORDER_LINE).find(po, 2).orElseThrow();
    assertThat(line2.text("pod_status")).isEqualTo("c");

    QadRow history = tenant.table(QadEntity.GOODS_RECEIPT).find(receiver, po, 1).orElseThrow();
    assertThat((BigDecimal) history.get("prh_rcvd")).isEqualByComparingTo("4");
    assertThat(history.text("prh_vend")).isEqualTo("S100");
    assertThat(history.text("prh_rcp_date")).isEqualTo("2025-03-01");

    String second = tenant.receiving().receive(po, Map.of(1, new BigDecimal("6")));
    assertThat(second).isNotEqualTo(receiver);
    assertThat(
            (BigDecimal)
                tenant
                    .table(QadEntity.PURCHASE_ORDER_LINE)
                    .find(po, 1)
                    .orElseThrow()
                    .get("pod_qty_rcvd"))
        .isEqualByComparingTo("10");
  }

  @Test
  void changingARecordBumpsItsModifiedTime() {
    clock.advance(Duration.ofMinutes(30));
    QadTestClient.Reply changed =
        client.admin(
            "POST",
            "/records/vd_mstr/change",
            "{\"key\":\"S100\",\"fields\":{\"vd_sort\":\"Acme Fasteners (renamed)\",\"vd_hold\":true}}");
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    JsonNode row = client.admin("GET", "/records/vd_mstr?key=S100", null).json();
    assertThat(row.get("vd_sort").asText()).isEqualTo("Acme Fasteners (renamed)");
    assertThat(row.get("vd_hold").asBoolean()).isTrue();
    assertThat(row.get("mod_date").asText()).isEqualTo("2025-03-01T10:30:00Z");

    assertThat(
            client
                .admin(
                    "POST",
                    "/records/vd_mstr/change",
                    "{\"key\":\"S100\",\"fields\":{\"vd_addr\":\"X\"}}")
                .status())
        .isEqualTo(400);
    assertThat(client.admin("GET", "/records/vd_mstr?key=NOPE", null).status()).isEqualTo(404);
  }

  @Test
  void adminCanCreateTenantsAndLoadSeedData() {
    QadTestClient.Reply tenantReply =
        client.call(
            "POST",
            qad.baseUri() + "/qad-admin/tenants",
            "{\"tenant\":\"initech\",\"workspaceId\":\"30MEX_30MEXCO\"}");
    assertThat(tenantReply.status()).as(tenantReply.body()).isEqualTo(201);
    assertThat(qad.tenant("initech").config().workspaceId()).isEqualTo("30MEX_30MEXCO");
    QadTestClient initech = new QadTestClient(qad, qad.tenant("initech").config());
    JsonNode seeded = initech.admin("POST", "/seed", "{\"seed\":7,\"scalePercent\":2}").json();
    assertThat(seeded.at("/rows/po_mstr").asInt()).isEqualTo(100);
    assertThat(seeded.at("/rows/cc_mstr").asInt()).isEqualTo(50);
  }
}

package io.mlconnector.sandbox.qad;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.sandbox.seed.PurchaseOrder;
import io.mlconnector.sandbox.seed.PurchaseOrderLine;
import io.mlconnector.sandbox.seed.SeedData;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The default seed loaded into a tenant is readable over browses and matchable by invoices. */
class QadSeedLoadTest {
  private static final SeedData SEED = SeedData.generate(SeedData.DEFAULT_SEED);
  private static QadSimulator qad;
  private static QadTenant tenant;
  private static QadTestClient client;

  @BeforeAll
  static void start() {
    qad = QadSimulator.start(0);
    tenant = qad.addTenant("acme");
    qad.loadSeed("acme", SEED);
    client = new QadTestClient(qad, tenant.config()).login();
  }

  @AfterAll
  static void stop() {
    qad.close();
  }

  @Test
  void everySeededRecordIsLoaded() {
    assertThat(tenant.table(QadEntity.SUPPLIER).size()).isEqualTo(300);
    assertThat(tenant.table(QadEntity.PURCHASE_ORDER).size()).isEqualTo(5_000);
    long lines = SEED.purchaseOrders().mapToLong(po -> po.lines().size()).sum();
    long receipts = SEED.purchaseOrders().mapToLong(po -> po.receipts().size()).sum();
    assertThat(tenant.table(QadEntity.PURCHASE_ORDER_LINE).size()).isEqualTo(lines);
    assertThat(tenant.table(QadEntity.GOODS_RECEIPT).size()).isEqualTo(receipts);
    JsonNode costCenters = client.browse("urn:browse:fin:cc_mstr", 1, 100, List.of()).json();
    assertThat(costCenters.get("totalCount").asInt()).isEqualTo(50);
  }

  @Test
  void awkwardSupplierNamesSurviveAnEqualityFilter() {
    String name = SEED.suppliers().get(0).name(); // contains a comma and umlauts
    JsonNode found =
        client
            .browse("urn:browse:mfg:vd_mstr", 1, 10, List.of("vd_sort,eq," + name + ",literal"))
            .json();
    assertThat(found.at("/data/0/vd_addr").asText()).isEqualTo(SEED.suppliers().get(0).code());
  }

  @Test
  void theSeededTieSecondSpansSeveralPages() {
    String tie = SEED.purchaseOrderTieSecond().toString();
    JsonNode page =
        client
            .browse("urn:browse:mfg:pod_det", 1, 100, List.of("mod_date,eq," + tie + ",literal"))
            .json();
    assertThat(page.get("totalCount").asInt()).isGreaterThan(200);
    assertThat(page.get("hasMore").asBoolean()).isTrue();
  }

  @Test
  void anInvoiceForAFullyReceivedSeededLineClears() {
    PurchaseOrder po =
        SEED.purchaseOrders()
            .filter(p -> p.lines().get(0).quantityReceived().signum() > 0)
            .findFirst()
            .orElseThrow();
    PurchaseOrderLine line = po.lines().get(0);
    String currency = po.currency();
    String json =
        """
        {"supplierInvoices":[{"supplier":"%s","invoiceReference":"SEED-1","invoiceDate":"2025-01-10",
          "currency":"%s","lines":[{"poNumber":"%s","poLine":1,"quantity":%s,"unitPrice":%s}]}]}"""
            .formatted(
                po.supplier(), currency, po.number(), line.quantityReceived(), line.unitCost());
    QadTestClient.Reply reply = client.postJson("/api/erp/supplierInvoices", json);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.json().at("/supplierInvoices/0/status").asText()).isEqualTo("Matched");
    assertThat(reply.json().at("/supplierInvoices/0/lines/0/glAccount").asText())
        .isEqualTo(line.glAccount());
  }
}

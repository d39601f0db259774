package io.mlconnector.sandbox.qad;

import io.mlconnector.sandbox.http.SimRequest;
import io.mlconnector.sandbox.http.SimResponse;
import io.mlconnector.sandbox.seed.SeedData;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Admin actions on a tenant's data: seed, buyer, receiver, record changes, invoice list. */
final class AdminData {

  /** Body of {@code POST .../seed}. */
  record SeedRequest(Long seed, Integer scalePercent) {}

  /** Body of {@code POST .../receipts}. */
  record ReceiptRequest(String poNumber, List<ReceivedLine> lines) {}

  /** One received PO line. */
  record ReceivedLine(int line, BigDecimal quantity) {}

  /** Body of {@code POST .../records/{table}/change}. */
  record ChangeRequest(String key, Map<String, Object> fields) {}

  SimResponse seed(QadTenant tenant, SimRequest request) throws Exception {
    SeedRequest body = AdminEndpoints.read(request, SeedRequest.class);
    long seed = body.seed() != null ? body.seed() : SeedData.DEFAULT_SEED;
    int scale = body.scalePercent() != null ? body.scalePercent() : 100;
    tenant.loadSeed(SeedData.generate(seed, scale));
    Map<String, Object> counts = new LinkedHashMap<>();
    for (QadEntity entity : QadEntity.values()) {
      counts.put(entity.table(), tenant.table(entity).size());
    }
    return QadJson.ok(Map.of("seed", seed, "scalePercent", scale, "rows", counts));
  }

  SimResponse createPurchaseOrder(QadTenant tenant, SimRequest request) throws Exception {
    NewPurchaseOrder order = AdminEndpoints.read(request, NewPurchaseOrder.class);
    String number = tenant.purchasing().create(order);
    return QadJson.response(201, Map.of("po_nbr", number));
  }

  SimResponse postReceipt(QadTenant tenant, SimRequest request) throws Exception {
    ReceiptRequest body = AdminEndpoints.read(request, ReceiptRequest.class);
    Map<Integer, BigDecimal> quantities = new LinkedHashMap<>();
    body.lines().forEach(l -> quantities.merge(l.line(), l.quantity(), BigDecimal::add));
    String receiver = tenant.receiving().receive(body.poNumber(), quantities);
    return QadJson.response(201, Map.of("prh_receiver", receiver));
  }

  SimResponse readRecord(QadTenant tenant, SimRequest request) {
    QadEntity entity = QadEntity.of(request.pathParam("table"));
    String key = request.query("key");
    return tenant
        .table(entity)
        .find(key == null ? "" : key)
        .map(row -> QadJson.ok(row.toJson(entity.fieldNames())))
        .orElseGet(() -> QadJson.error(404, "UNKNOWN_RECORD", "No such record", "key", key));
  }

  SimResponse changeRecord(QadTenant tenant, SimRequest request) throws Exception {
    QadEntity entity = QadEntity.of(request.pathParam("table"));
    ChangeRequest body = AdminEndpoints.read(request, ChangeRequest.class);
    QadRow row =
        tenant.change(entity, body.key(), body.fields() == null ? Map.of() : body.fields());
    return QadJson.ok(row.toJson(entity.fieldNames()));
  }

  SimResponse invoices(QadTenant tenant, SimRequest request) {
    return QadJson.ok(Map.of("supplierInvoices", tenant.invoices().all()));
  }
}

package io.mlconnector.sandbox.qad;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Small hand-made master data, so each test can state exactly what it expects. */
final class QadFixtures {
  static final String SUPPLIER = "S100";
  static final String OTHER_SUPPLIER = "S200";

  private QadFixtures() {}

  static void masterData(QadTenant tenant) {
    QadDatabase db = tenant.database();
    db.insert(QadEntity.SUPPLIER, supplier(SUPPLIER, "Acme, \"Fasteners\" ^ Co", "USD"));
    db.insert(QadEntity.SUPPLIER, supplier(OTHER_SUPPLIER, "Other Supplies", "EUR"));
    db.insert(QadEntity.GL_ACCOUNT, Map.of("ac_code", "5000", "ac_type", "E", "ac_active", true));
    db.insert(QadEntity.GL_ACCOUNT, Map.of("ac_code", "5100", "ac_type", "E", "ac_active", true));
    db.insert(QadEntity.COST_CENTER, Map.of("cc_ctr", "CC100", "cc_active", true));
    db.insert(QadEntity.COST_CENTER, Map.of("cc_ctr", "CC999", "cc_active", false));
    db.insert(QadEntity.SUB_ACCOUNT, Map.of("sb_sub", "0000", "sb_active", true));
    db.insert(QadEntity.PROJECT, Map.of("pj_project", "PRJ1", "pj_active", true));
  }

  static Map<String, Object> supplier(String code, String name, String currency) {
    return Map.of("vd_addr", code, "vd_sort", name, "vd_curr", currency, "vd_hold", false);
  }

  /** A PO of {@link #SUPPLIER}: line 1 = 10 EA at 5.00, line 2 = 4 EA at 100.00. */
  static String purchaseOrder(QadTenant tenant) {
    return tenant
        .purchasing()
        .create(
            new NewPurchaseOrder(
                null,
                SUPPLIER,
                null,
                "buyer1",
                null,
                List.of(line("Hex bolt", "10", "5.00"), line("Servo motor", "4", "100.00"))));
  }

  static NewPurchaseOrder.Line line(String description, String quantity, String cost) {
    return new NewPurchaseOrder.Line(
        "P-1",
        description,
        new BigDecimal(quantity),
        new BigDecimal(cost),
        "EA",
        "5000",
        "0000",
        "CC100",
        "",
        null);
  }

  /** Invoice JSON with one line per {poLine, quantity, unitPrice} triple. */
  static String invoiceJson(String reference, String poNumber, Object... lines) {
    StringBuilder json =
        new StringBuilder(
            "{\"supplierInvoices\":[{\"supplier\":\""
                + SUPPLIER
                + "\",\"invoiceReference\":\""
                + reference
                + "\",\"invoiceDate\":\"2025-02-01\",\"currency\":\"USD\",\"dataOperation\":\"C\","
                + "\"lines\":[");
    for (int i = 0; i < lines.length; i += 3) {
      json.append(i == 0 ? "" : ",")
          .append("{\"poNumber\":\"")
          .append(poNumber)
          .append("\",\"poLine\":")
          .append(lines[i])
          .append(",\"quantity\":")
          .append(lines[i + 1])
          .append(",\"unitPrice\":")
          .append(lines[i + 2])
          .append(",\"glAccount\":\"5000\",\"costCenter\":\"CC100\",\"subAccount\":\"0000\"}");
    }
    return json.append("]}]}").toString();
  }
}

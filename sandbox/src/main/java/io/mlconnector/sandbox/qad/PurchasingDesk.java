package io.mlconnector.sandbox.qad;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** The buyer's side: enters POs with their lines, stamped modified now. */
public final class PurchasingDesk {
  private final QadDatabase db;
  private final AtomicInteger lastNumber = new AtomicInteger();

  PurchasingDesk(QadDatabase db) {
    this.db = db;
  }

  /** Creates the PO header and lines; returns the PO number. */
  public synchronized String create(NewPurchaseOrder order) {
    QadRow supplier =
        db.table(QadEntity.SUPPLIER)
            .find(order.supplier())
            .orElseThrow(
                () -> new IllegalArgumentException("unknown supplier " + order.supplier()));
    if (order.lines().isEmpty()) {
      throw new IllegalArgumentException("a PO needs at least one line");
    }
    String number = order.number() != null ? order.number() : nextFreeNumber();
    if (db.table(QadEntity.PURCHASE_ORDER).find(number).isPresent()) {
      throw new IllegalArgumentException("PO " + number + " already exists");
    }
    LocalDate today = LocalDate.ofInstant(db.now(), ZoneOffset.UTC);
    String site = order.site() == null ? "10-100" : order.site();
    Map<String, Object> header = new HashMap<>();
    header.put("po_nbr", number);
    header.put("po_vend", order.supplier());
    header.put("po_ord_date", today);
    header.put("po_curr", supplier.text("vd_curr"));
    header.put("po_stat", "");
    header.put("po_site", site);
    header.put("po_buyer", order.buyer() == null ? "sandbox" : order.buyer());
    header.put("po_project", order.project() == null ? "" : order.project());
    db.insert(QadEntity.PURCHASE_ORDER, header);
    int lineNumber = 0;
    for (NewPurchaseOrder.Line line : order.lines()) {
      db.insert(QadEntity.PURCHASE_ORDER_LINE, line(number, ++lineNumber, site, today, line));
    }
    return number;
  }

  private static Map<String, Object> line(
      String number, int lineNumber, String site, LocalDate today, NewPurchaseOrder.Line line) {
    Map<String, Object> f = new HashMap<>();
    f.put("pod_nbr", number);
    f.put("pod_line", lineNumber);
    f.put("pod_part", line.part());
    f.put("pod_desc", line.description());
    f.put("pod_qty_ord", line.quantity());
    f.put("pod_qty_rcvd", java.math.BigDecimal.ZERO);
    f.put("pod_pur_cost", line.unitCost());
    f.put("pod_um", line.unitOfMeasure() == null ? "EA" : line.unitOfMeasure());
    f.put("pod_site", site);
    f.put("pod_acct", line.glAccount());
    f.put("pod_sub", line.subAccount() == null ? "0000" : line.subAccount());
    f.put("pod_cc", line.costCenter() == null ? "" : line.costCenter());
    f.put("pod_project", line.project() == null ? "" : line.project());
    f.put("pod_status", "");
    f.put("pod_due_date", line.dueDate() == null ? today.plusDays(14) : line.dueDate());
    return f;
  }

  private String nextFreeNumber() {
    String number;
    do {
      number = String.format("Q%07d", lastNumber.incrementAndGet());
    } while (db.table(QadEntity.PURCHASE_ORDER).find(number).isPresent());
    return number;
  }
}

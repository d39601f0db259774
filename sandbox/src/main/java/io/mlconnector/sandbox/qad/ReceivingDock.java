package io.mlconnector.sandbox.qad;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The receiver's side: posting a receipt adds a {@code prh_hist} row per line under one receiver
 * number and raises {@code pod_qty_rcvd}, which is what lets a supplier invoice match.
 */
public final class ReceivingDock {
  private final QadDatabase db;
  private final AtomicInteger lastReceiver = new AtomicInteger();

  ReceivingDock(QadDatabase db) {
    this.db = db;
  }

  /** Receives {@code quantities} (PO line number → quantity) of one PO; returns the receiver. */
  public synchronized String receive(String poNumber, Map<Integer, BigDecimal> quantities) {
    QadRow header =
        db.table(QadEntity.PURCHASE_ORDER)
            .find(poNumber)
            .orElseThrow(() -> new IllegalArgumentException("unknown PO " + poNumber));
    List<QadRow> lines = new ArrayList<>();
    quantities.forEach(
        (line, qty) -> {
          if (qty == null || qty.signum() <= 0) {
            throw new IllegalArgumentException("received quantity must be positive: " + qty);
          }
          lines.add(
              db.table(QadEntity.PURCHASE_ORDER_LINE)
                  .find(poNumber, line)
                  .orElseThrow(
                      () ->
                          new IllegalArgumentException(
                              "unknown PO line " + poNumber + "/" + line)));
        });
    String receiver = String.format("RX%07d", lastReceiver.incrementAndGet());
    LocalDate today = LocalDate.ofInstant(db.now(), ZoneOffset.UTC);
    for (QadRow line : lines) {
      BigDecimal qty = quantities.get((Integer) line.get("pod_line"));
      BigDecimal received = ((BigDecimal) line.get("pod_qty_rcvd")).add(qty);
      boolean complete = received.compareTo((BigDecimal) line.get("pod_qty_ord")) >= 0;
      db.change(
          QadEntity.PURCHASE_ORDER_LINE,
          line.key(),
          Map.of("pod_qty_rcvd", received, "pod_status", complete ? "c" : ""));
      db.insert(QadEntity.GOODS_RECEIPT, receiptRow(receiver, header, line, qty, today));
    }
    return receiver;
  }

  private static Map<String, Object> receiptRow(
      String receiver, QadRow header, QadRow line, BigDecimal qty, LocalDate today) {
    Map<String, Object> f = new HashMap<>();
    f.put("prh_receiver", receiver);
    f.put("prh_nbr", header.text("po_nbr"));
    f.put("prh_line", line.get("pod_line"));
    f.put("prh_part", line.text("pod_part"));
    f.put("prh_rcvd", qty);
    f.put("prh_rcp_date", today);
    f.put("prh_pur_cost", line.get("pod_pur_cost"));
    f.put("prh_vend", header.text("po_vend"));
    f.put("prh_site", line.text("pod_site"));
    f.put("prh_um", line.text("pod_um"));
    f.put("prh_curr", header.text("po_curr"));
    return f;
  }
}

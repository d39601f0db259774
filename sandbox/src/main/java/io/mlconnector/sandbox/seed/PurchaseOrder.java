package io.mlconnector.sandbox.seed;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A PO header ({@code po_mstr}) with its lines and the receipts already posted against them, kept
 * together because they are generated, ordered and keyed together ({@code tenant|po|number}).
 */
public record PurchaseOrder(
    String number,
    String supplier,
    LocalDate orderDate,
    String currency,
    String status,
    String site,
    String buyer,
    String project,
    Instant modified,
    List<PurchaseOrderLine> lines,
    List<GoodsReceipt> receipts) {

  public PurchaseOrder {
    lines = List.copyOf(lines);
    receipts = List.copyOf(receipts);
  }
}

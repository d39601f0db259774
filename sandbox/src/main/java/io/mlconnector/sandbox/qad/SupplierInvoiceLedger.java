package io.mlconnector.sandbox.qad;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Saved invoices of one tenant, their voucher numbers and the quantity already vouchered per PO
 * line (the {@code pvo_vouchered_qty} of QAD's pending-invoice records).
 */
public final class SupplierInvoiceLedger {
  private final List<SupplierInvoice> invoices = new ArrayList<>();
  private final Map<String, BigDecimal> voucheredByPoLine = new ConcurrentHashMap<>();
  private int lastVoucher;

  synchronized String nextVoucher() {
    return String.format("V%07d", ++lastVoucher);
  }

  /** Stores the invoice; a matched invoice consumes its lines' received quantity. */
  synchronized void save(SupplierInvoice invoice) {
    invoices.add(invoice);
    if (invoice.matched()) {
      for (SupplierInvoiceLine line : invoice.lines()) {
        voucheredByPoLine.merge(
            poLineKey(line.poNumber(), line.poLine()), line.quantity(), BigDecimal::add);
      }
    }
  }

  public BigDecimal voucheredQuantity(String poNumber, int poLine) {
    return voucheredByPoLine.getOrDefault(poLineKey(poNumber, poLine), BigDecimal.ZERO);
  }

  public synchronized Optional<SupplierInvoice> byVoucher(String voucher) {
    return invoices.stream().filter(i -> i.voucher().equals(voucher)).findFirst();
  }

  /** Invoices of a supplier and/or reference; {@code null} matches any. */
  public synchronized List<SupplierInvoice> find(String supplier, String reference) {
    return invoices.stream()
        .filter(i -> supplier == null || i.supplier().equals(supplier))
        .filter(i -> reference == null || i.invoiceReference().equals(reference))
        .toList();
  }

  public synchronized List<SupplierInvoice> all() {
    return List.copyOf(invoices);
  }

  private static String poLineKey(String poNumber, int poLine) {
    return poNumber + "|" + poLine;
  }
}

package io.mlconnector.sandbox.qad;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a client posts to create a supplier invoice, inside {@code {"supplierInvoices":[...]}}.
 * Blank GL account, cost center, sub-account or project default to the PO line's.
 */
public record SupplierInvoiceRequest(
    String supplier,
    String invoiceReference,
    LocalDate invoiceDate,
    String currency,
    List<Line> lines) {

  /** One line, always against a PO line. */
  public record Line(
      String poNumber,
      Integer poLine,
      BigDecimal quantity,
      BigDecimal unitPrice,
      String glAccount,
      String costCenter,
      String subAccount,
      String project) {}

  public SupplierInvoiceRequest {
    lines = lines == null ? List.of() : List.copyOf(lines);
  }
}

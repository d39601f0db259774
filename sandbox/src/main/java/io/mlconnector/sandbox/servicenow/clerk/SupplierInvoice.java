package io.mlconnector.sandbox.servicenow.clerk;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A supplier invoice an AP clerk enters and approves in Accounts Payable Operations. */
public record SupplierInvoice(
    String supplierCode,
    String supplierName,
    String invoiceNumber,
    String invoiceReference,
    LocalDate invoiceDate,
    LocalDate dueDate,
    String currency,
    String legalEntity,
    BigDecimal taxAmount,
    List<InvoiceLine> lines) {

  /** Lines plus tax, as the header total. */
  public BigDecimal total() {
    return lines.stream().map(InvoiceLine::amount).reduce(taxAmount, BigDecimal::add);
  }
}

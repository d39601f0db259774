package io.mlconnector.sandbox.qad;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A saved supplier invoice (EE Financials CInvoice). {@code status} is {@value #MATCHED} when every
 * line cleared, {@value #INITIAL} when some line awaits its receipt (header only, no postings) and
 * {@value #VARIANCE} when receipts suffice but a price is beyond tolerance.
 */
public record SupplierInvoice(
    String voucher,
    String supplier,
    String invoiceReference,
    LocalDate invoiceDate,
    String currency,
    String status,
    boolean matched,
    BigDecimal totalAmount,
    Instant createdAt,
    List<SupplierInvoiceLine> lines) {

  public static final String MATCHED = "Matched";
  public static final String INITIAL = "Initial";
  public static final String VARIANCE = "Variance";

  public SupplierInvoice {
    lines = List.copyOf(lines);
  }

  static String statusOf(List<SupplierInvoiceLine> lines) {
    if (lines.stream().anyMatch(l -> l.matchStatus().awaitsReceipt())) {
      return INITIAL;
    }
    return lines.stream().allMatch(l -> l.matchStatus().cleared()) ? MATCHED : VARIANCE;
  }
}

package io.mlconnector.sandbox.qad;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Creates supplier invoices the way QAD does: reference errors reject the invoice; otherwise it is
 * saved with a voucher number whatever the match says, and the match outcome, variances and a
 * duplicate reference come back as warnings (QAD does not stop duplicates).
 */
public final class SupplierInvoiceDesk {
  /** What one submission produced; {@code invoice} is empty when errors rejected it. */
  public record Outcome(
      List<SubmitMessage> errors, List<SubmitMessage> warnings, Optional<SupplierInvoice> invoice) {
    public boolean success() {
      return errors.isEmpty();
    }
  }

  private final QadDatabase db;
  private final SupplierInvoiceLedger ledger;
  private final java.util.function.Supplier<MatchTolerance> tolerance;

  SupplierInvoiceDesk(
      QadDatabase db,
      SupplierInvoiceLedger ledger,
      java.util.function.Supplier<MatchTolerance> tolerance) {
    this.db = db;
    this.ledger = ledger;
    this.tolerance = tolerance;
  }

  /** Serialised per tenant so the duplicate check and the vouchered quantities stay exact. */
  public synchronized Outcome submit(SupplierInvoiceRequest request) {
    InvoiceValidation validation = new InvoiceValidation(db);
    List<SubmitMessage> errors = validation.validate(request);
    if (!errors.isEmpty()) {
      return new Outcome(errors, List.of(), Optional.empty());
    }
    List<SubmitMessage> warnings = new ArrayList<>(validation.warnings());
    for (SupplierInvoice existing : ledger.find(request.supplier(), request.invoiceReference())) {
      warnings.add(
          new SubmitMessage(
              "invoiceReference",
              "Supplier invoice reference "
                  + request.invoiceReference()
                  + " already exists for supplier "
                  + request.supplier()
                  + " (voucher "
                  + existing.voucher()
                  + ")",
              request.invoiceReference(),
              "DUPLICATE_INVOICE_REFERENCE"));
    }
    List<SupplierInvoiceLine> lines = new ArrayList<>();
    for (int i = 0; i < request.lines().size(); i++) {
      lines.add(matchLine(i, request.lines().get(i), warnings));
    }
    String status = SupplierInvoice.statusOf(lines);
    BigDecimal total =
        lines.stream().map(SupplierInvoiceLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    SupplierInvoice invoice =
        new SupplierInvoice(
            ledger.nextVoucher(),
            request.supplier(),
            request.invoiceReference(),
            request.invoiceDate(),
            request.currency(),
            status,
            status.equals(SupplierInvoice.MATCHED),
            total,
            db.now(),
            lines);
    ledger.save(invoice);
    return new Outcome(List.of(), warnings, Optional.of(invoice));
  }

  private SupplierInvoiceLine matchLine(
      int index, SupplierInvoiceRequest.Line line, List<SubmitMessage> warnings) {
    QadRow poLine =
        db.table(QadEntity.PURCHASE_ORDER_LINE).find(line.poNumber(), line.poLine()).orElseThrow();
    ThreeWayMatch.Result match =
        ThreeWayMatch.match(
            poLine,
            ledger.voucheredQuantity(line.poNumber(), line.poLine()),
            line.quantity(),
            line.unitPrice(),
            tolerance.get());
    MatchWarnings.describe(index, line, match).ifPresent(warnings::add);
    return new SupplierInvoiceLine(
        index + 1,
        line.poNumber(),
        line.poLine(),
        line.quantity(),
        line.unitPrice(),
        line.quantity().multiply(line.unitPrice()),
        orDefault(line.glAccount(), poLine.text("pod_acct")),
        orDefault(line.costCenter(), poLine.text("pod_cc")),
        orDefault(line.subAccount(), poLine.text("pod_sub")),
        orDefault(line.project(), poLine.text("pod_project")),
        match.status(),
        match.received(),
        match.vouchered(),
        match.priceVariance(),
        match.quantityVariance());
  }

  static String orDefault(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }
}

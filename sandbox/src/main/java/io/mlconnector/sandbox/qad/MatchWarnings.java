package io.mlconnector.sandbox.qad;

import java.util.Optional;

/** Turns a line's match result into the warning QAD shows the AP clerk, if any. */
final class MatchWarnings {
  private MatchWarnings() {}

  static Optional<SubmitMessage> describe(
      int index, SupplierInvoiceRequest.Line line, ThreeWayMatch.Result match) {
    String field = "lines[" + index + "]";
    String poLine = line.poNumber() + "/" + line.poLine();
    return Optional.ofNullable(
        switch (match.status()) {
          case CLEARED -> null;
          case NO_RECEIPT ->
              new SubmitMessage(
                  field,
                  "No receipt for PO line " + poLine + ": invoice saved as Initial, not matched",
                  poLine,
                  "NO_RECEIPT");
          case INSUFFICIENT_RECEIPT ->
              new SubmitMessage(
                  field,
                  "Invoiced quantity "
                      + line.quantity()
                      + " exceeds received-not-vouchered quantity "
                      + match.received().subtract(match.vouchered())
                      + ": invoice saved as Initial, not matched",
                  poLine,
                  "INSUFFICIENT_RECEIPT");
          case PRICE_VARIANCE ->
              new SubmitMessage(
                  field,
                  "Rate variance " + match.priceVariance() + " exceeds the price tolerance",
                  line.unitPrice(),
                  "RATE_VARIANCE_EXCEEDS_TOLERANCE");
          case CLEARED_WITH_VARIANCE ->
              new SubmitMessage(
                  field,
                  "Matched within tolerance: rate variance "
                      + match.priceVariance()
                      + ", usage variance "
                      + match.quantityVariance().max(java.math.BigDecimal.ZERO),
                  poLine,
                  "VARIANCE_WITHIN_TOLERANCE");
        });
  }
}

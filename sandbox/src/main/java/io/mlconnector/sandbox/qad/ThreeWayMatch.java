package io.mlconnector.sandbox.qad;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Matches one invoice line against its PO line (price) and receipts (quantity), as QAD EE
 * Financials does: only received, not yet vouchered quantity can be invoiced; cost differences are
 * rate variances, quantity differences usage variances, judged against site tolerances.
 */
final class ThreeWayMatch {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /** The match of one line; variances as defined on {@link SupplierInvoiceLine}. */
  record Result(
      LineMatchStatus status,
      BigDecimal received,
      BigDecimal vouchered,
      BigDecimal priceVariance,
      BigDecimal quantityVariance) {}

  private ThreeWayMatch() {}

  static Result match(
      QadRow poLine,
      BigDecimal vouchered,
      BigDecimal quantity,
      BigDecimal unitPrice,
      MatchTolerance tolerance) {
    BigDecimal received = (BigDecimal) poLine.get("pod_qty_rcvd");
    BigDecimal cost = (BigDecimal) poLine.get("pod_pur_cost");
    BigDecimal available = received.subtract(vouchered);
    BigDecimal quantityVariance = quantity.subtract(available);
    BigDecimal priceVariance = unitPrice.subtract(cost).multiply(quantity);
    LineMatchStatus status;
    if (received.signum() <= 0) {
      status = LineMatchStatus.NO_RECEIPT;
    } else if (quantityVariance.signum() > 0
        && exceeds(quantityVariance, available.max(BigDecimal.ZERO), tolerance.quantityPercent())) {
      status = LineMatchStatus.INSUFFICIENT_RECEIPT;
    } else if (exceeds(unitPrice.subtract(cost).abs(), cost, tolerance.pricePercent())) {
      status = LineMatchStatus.PRICE_VARIANCE;
    } else if (priceVariance.signum() != 0 || quantityVariance.signum() > 0) {
      status = LineMatchStatus.CLEARED_WITH_VARIANCE;
    } else {
      status = LineMatchStatus.CLEARED;
    }
    return new Result(status, received, vouchered, priceVariance, quantityVariance);
  }

  /** Whether {@code difference} is more than {@code percent}% of {@code base}. */
  private static boolean exceeds(BigDecimal difference, BigDecimal base, BigDecimal percent) {
    if (difference.signum() == 0) {
      return false;
    }
    if (base.signum() == 0) {
      return true;
    }
    BigDecimal share = difference.multiply(HUNDRED).divide(base, 6, RoundingMode.HALF_UP);
    return share.compareTo(percent) > 0;
  }
}

package io.mlconnector.sandbox.qad;

import java.math.BigDecimal;

/**
 * Site tolerances of the three-way match, in percent. A price within {@code pricePercent} of the PO
 * cost, or a quantity within {@code quantityPercent} above what is left to invoice, still clears
 * (the variance is reported as a warning); beyond it the line does not clear.
 */
public record MatchTolerance(BigDecimal pricePercent, BigDecimal quantityPercent) {
  public static final MatchTolerance DEFAULT =
      new MatchTolerance(BigDecimal.valueOf(5), BigDecimal.ZERO);

  public static MatchTolerance of(double pricePercent, double quantityPercent) {
    return new MatchTolerance(
        BigDecimal.valueOf(pricePercent), BigDecimal.valueOf(quantityPercent));
  }
}

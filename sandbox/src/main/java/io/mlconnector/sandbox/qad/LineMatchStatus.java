package io.mlconnector.sandbox.qad;

/** Outcome of the three-way match (PO, receipt, invoice) for one invoice line. */
public enum LineMatchStatus {
  /** Quantity and price agree with the receipt and the PO. */
  CLEARED(true),
  /** Cleared with a rate or usage variance inside the site tolerance (reported as a warning). */
  CLEARED_WITH_VARIANCE(true),
  /** No receipt exists for the PO line: the invoice can only be saved as Initial. */
  NO_RECEIPT(false),
  /** More invoiced than received and not yet vouchered, beyond the quantity tolerance. */
  INSUFFICIENT_RECEIPT(false),
  /** Invoice price differs from the PO cost beyond the price tolerance. */
  PRICE_VARIANCE(false);

  private final boolean cleared;

  LineMatchStatus(boolean cleared) {
    this.cleared = cleared;
  }

  public boolean cleared() {
    return cleared;
  }

  /** A receipt is missing or short: matching has to wait for the goods. */
  public boolean awaitsReceipt() {
    return this == NO_RECEIPT || this == INSUFFICIENT_RECEIPT;
  }
}

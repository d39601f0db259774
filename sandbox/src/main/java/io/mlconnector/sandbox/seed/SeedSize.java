package io.mlconnector.sandbox.seed;

/**
 * How much to generate. Volume (suppliers, POs and therefore lines and receipts) scales; the chart
 * of accounts does not, because a manufacturer's chart stays the same size as its business grows.
 */
public record SeedSize(
    int suppliers,
    int purchaseOrders,
    int glAccounts,
    int costCenters,
    int subAccounts,
    int projects) {

  /** The mid-sized manufacturer: 300 suppliers, 5,000 POs, 200 GL accounts, 50 cost centers. */
  public static final SeedSize DEFAULT = new SeedSize(300, 5_000, 200, 50, 20, 30);

  /**
   * Average records per PO: the header, 5.5 lines (1–10) and about 0.94 receipts per line (85% of
   * lines received, a tenth of those in two deliveries). Used to size a benchmark data set.
   */
  static final double RECORDS_PER_PURCHASE_ORDER = 1 + 5.5 + 5.5 * 0.85 * 1.1;

  public SeedSize {
    if (suppliers < 10 || purchaseOrders < 0 || glAccounts < 20 || costCenters < 2) {
      throw new IllegalArgumentException("seed too small to hold the edge cases: " + this);
    }
  }

  /** {@link #DEFAULT} with volume scaled by {@code percent} (100 = default). */
  public static SeedSize ofScale(int percent) {
    if (percent <= 0) {
      throw new IllegalArgumentException("scale percent must be positive: " + percent);
    }
    return new SeedSize(
        Math.max(10, (int) (300L * percent / 100)),
        (int) (5_000L * percent / 100),
        200,
        50,
        20,
        30);
  }

  /** A size whose generated data holds about {@code records} records in total. */
  public static SeedSize ofRecordCount(long records) {
    long fixed = 200 + 50 + 20 + 30;
    double perPo = RECORDS_PER_PURCHASE_ORDER + 300.0 / 5_000; // suppliers grow with POs
    int pos = (int) Math.max(0, (records - fixed) / perPo);
    return new SeedSize(Math.max(10, pos * 300 / 5_000), pos, 200, 50, 20, 30);
  }

  /** Expected total record count (exact for reference data, average for PO volume). */
  public long estimatedRecordCount() {
    return suppliers
        + glAccounts
        + costCenters
        + subAccounts
        + projects
        + Math.round(purchaseOrders * RECORDS_PER_PURCHASE_ORDER);
  }
}

package io.mlconnector.snclient;

import java.time.Duration;

/**
 * How many sub-requests one Batch API call carries: as many as fit the time budget (kept below
 * ServiceNow's 30 s transaction quota) at the measured time per sub-request of this tenant's
 * instance, between 1 and {@code maxItems}. A call that came back with unserviced items (the quota
 * or a limit was hit) caps the size at what it serviced.
 */
final class BatchSizer {
  /** Weight of the newest measurement in the running average. */
  private static final double WEIGHT = 0.3;

  private final long budgetMillis;
  private final int maxItems;
  private volatile int items;
  private volatile double millisPerItem = -1;

  BatchSizer(Duration timeBudget, int initialItems, int maxItems) {
    this.budgetMillis = Math.max(1, timeBudget.toMillis());
    this.maxItems = Math.max(1, maxItems);
    this.items = Math.max(1, Math.min(initialItems, this.maxItems));
  }

  int itemsPerCall() {
    return items;
  }

  /** One call's measurement: how many were sent, how many serviced, and how long it took. */
  synchronized void observe(int sent, int serviced, long elapsedMillis) {
    if (serviced <= 0) {
      items = 1;
      return;
    }
    double perItem = Math.max(0.01, (double) elapsedMillis / serviced);
    millisPerItem = millisPerItem < 0 ? perItem : WEIGHT * perItem + (1 - WEIGHT) * millisPerItem;
    int fits = (int) Math.max(1, Math.min(maxItems, budgetMillis / millisPerItem));
    items = serviced < sent ? Math.min(fits, serviced) : fits;
  }
}

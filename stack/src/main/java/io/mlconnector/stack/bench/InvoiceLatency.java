package io.mlconnector.stack.bench;

import java.time.Duration;
import java.util.List;

/**
 * Invoice change-to-QAD latency: from the AP clerk's approval in ServiceNow to the voucher in QAD,
 * per invoice, with push notifications and with the schedule alone.
 *
 * @param pushMs one figure per invoice approved with the push Business Rule active
 * @param pollMs one figure per invoice approved without push, approvals spread over one schedule
 *     period so the figures cover every phase of it
 * @param schedule the invoice poll cadence during both measurements
 */
record InvoiceLatency(List<Long> pushMs, List<Long> pollMs, Duration schedule) {

  /** The {@code p}-th percentile (nearest rank) of {@code values}; -1 when there are none. */
  static long percentile(List<Long> values, int p) {
    if (values.isEmpty()) {
      return -1;
    }
    List<Long> sorted = values.stream().sorted().toList();
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }
}

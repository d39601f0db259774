package io.mlconnector.stack.bench;

import io.mlconnector.sandbox.qad.QadEntity;
import io.mlconnector.sandbox.qad.QadRow;
import io.mlconnector.sandbox.qad.QadTenant;
import io.mlconnector.sandbox.servicenow.ServiceNowInstance;
import io.mlconnector.stack.fleet.ServiceProcess;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * QAD change-to-visible latency: a PO line changed in QAD until its ServiceNow staging row shows
 * the change. A qad-poller of its own polls the tenant's purchase orders every {@code schedule}
 * ({@link #DEFAULT_SCHEDULE}, or the default 5 minutes with {@code --latency-schedule 5m};
 * scheduler tick 1 s; the other entities every 24 h); the changes are spread over two schedule
 * periods so the figures cover every phase of it. Lines of the end of the table are changed, not
 * those of the incremental cycle.
 */
final class ChangeLatencyRun {
  static final Duration DEFAULT_SCHEDULE = Duration.ofSeconds(5);

  /** qad-poller's own default for purchase orders ({@code mlc.qad.schedule.purchase-orders}). */
  static final Duration QAD_DEFAULT_PO_SCHEDULE = Duration.ofMinutes(5);

  /** Longest wait for the poller's first round: its cursors exist, so that round is short. */
  private static final Duration FIRST_ROUND = Duration.ofSeconds(10);

  static final int SAMPLES = 20;
  private static final String TABLE = "sn_fcms_intg_imp_order_line";
  private static final Duration TAIL = Duration.ofMinutes(5);

  private final QadTenant qad;
  private final ServiceNowInstance sn;
  private final PrintStream out;
  private final Duration schedule;

  ChangeLatencyRun(QadTenant qad, ServiceNowInstance sn, Duration schedule, PrintStream out) {
    this.schedule = schedule;
    this.qad = qad;
    this.sn = sn;
    this.out = out;
  }

  /** Milliseconds from each change to its staging row showing it. */
  List<Long> measure(InvoiceBench.Starter starter) throws Exception {
    ServiceProcess poller =
        starter.start(
            "qad-poller",
            Map.of(
                "MLC_QAD_SCHEDULING_ENABLED", "true",
                "MLC_TENANTS", qad.name(),
                "MLC_QAD_TICK", "1s",
                "MLC_QAD_SCHEDULE_PURCHASE_ORDERS", schedule.toSeconds() + "s",
                "MLC_QAD_SCHEDULE_RECEIPTS", "24h",
                "MLC_QAD_SCHEDULE_SUPPLIERS", "24h",
                "MLC_QAD_SCHEDULE_DIMENSIONS", "24h"));
    try {
      // Its first round of polls is done.
      Thread.sleep(Math.min(schedule.multipliedBy(2).toMillis(), FIRST_ROUND.toMillis()));
      return changeAndWatch();
    } finally {
      poller.close();
    }
  }

  private List<Long> changeAndWatch() throws InterruptedException {
    List<QadRow> all = qad.table(QadEntity.PURCHASE_ORDER_LINE).all();
    Map<String, String> sysIds = new LinkedHashMap<>();
    for (Map<String, String> row : sn.rows().snapshot(TABLE)) {
      sysIds.put(row.get("u_external_id"), row.get("sys_id"));
    }
    long gap = schedule.multipliedBy(2).toMillis() / SAMPLES;
    List<Pending> pending = new ArrayList<>();
    List<Long> latencies = new ArrayList<>();
    long deadline = System.nanoTime() + schedule.multipliedBy(2).plus(TAIL).toNanos();
    for (int i = 0; i < SAMPLES || !pending.isEmpty(); ) {
      if (i < SAMPLES) {
        QadRow line = all.get(all.size() - 1 - i);
        String id = line.get("pod_nbr") + "|" + line.get("pod_line");
        String marker = "latency " + i + " " + System.nanoTime();
        qad.change(QadEntity.PURCHASE_ORDER_LINE, id, Map.of("pod_desc", marker));
        pending.add(new Pending(sysIds.get(id), marker, System.nanoTime()));
        i++;
      }
      long nextChange = System.nanoTime() + gap * 1_000_000;
      do {
        pending.removeIf(p -> visible(p, latencies));
        Thread.sleep(20);
      } while (System.nanoTime() < nextChange && (i < SAMPLES || !pending.isEmpty()));
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(pending.size() + " changes never became visible");
      }
    }
    out.printf(
        "  change-to-visible (PO schedule %ss): p50 %d ms, p95 %d ms, max %d ms%n",
        schedule.toSeconds(),
        InvoiceLatency.percentile(latencies, 50),
        InvoiceLatency.percentile(latencies, 95),
        InvoiceLatency.percentile(latencies, 100));
    return latencies;
  }

  private boolean visible(Pending p, List<Long> latencies) {
    Map<String, String> row = p.sysId() == null ? null : sn.rows().get(TABLE, p.sysId());
    if (row != null && p.marker().equals(row.get("u_description"))) {
      latencies.add((System.nanoTime() - p.changedAt()) / 1_000_000);
      return true;
    }
    return false;
  }

  private record Pending(String sysId, String marker, long changedAt) {}
}

package io.mlconnector.stack.bench;

import io.mlconnector.sandbox.qad.QadEntity;
import io.mlconnector.sandbox.qad.QadRow;
import io.mlconnector.sandbox.qad.QadTenant;
import io.mlconnector.sandbox.servicenow.ServiceNowInstance;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One measured pass over one tenant: initial load, an incremental cycle with a known number of
 * changed PO lines, and a cycle with no change. Counts come from the ServiceNow simulator's call
 * counters, so they are exact, not sampled.
 */
final class BenchRun {
  static final List<String> STAGING =
      List.of(
          "sn_fcms_intg_imp_supplier",
          "sn_fcms_intg_imp_order",
          "sn_fcms_intg_imp_order_line",
          "sn_fcms_intg_imp_receipt",
          "sn_fcms_intg_imp_cost_center",
          "sn_fcms_intg_gl_account_stage");
  private static final Duration TIMEOUT = Duration.ofMinutes(60);

  private final HttpClient http = HttpClient.newHttpClient();
  private final URI poller;
  private final String token;
  private final QadTenant qad;
  private final ServiceNowInstance sn;
  private final PrintStream out;

  private final FleetMeter meter;

  BenchRun(
      URI poller,
      String token,
      QadTenant qad,
      ServiceNowInstance sn,
      FleetMeter meter,
      PrintStream out) {
    this.meter = meter;
    this.poller = poller;
    this.token = token;
    this.qad = qad;
    this.sn = sn;
    this.out = out;
  }

  BenchFigures measure(int changes) throws Exception {
    long expected = expectedRows();
    sn.counters().reset();
    qad.counters().reset();
    Map<String, Double> cpuBefore = meter.cpuSeconds();
    long start = System.nanoTime();
    poll();
    double polled = (System.nanoTime() - start) / 1e9;
    awaitRows(expected);
    double seconds = (System.nanoTime() - start) / 1e9;
    long initialCalls = calls();
    long qadCalls = qadCalls();
    Map<String, Double> cpu = FleetMeter.used(cpuBefore, meter.cpuSeconds());
    cpu.replaceAll((process, used) -> used * 1000.0 / expected);
    out.printf(
        "  initial load: %d rows in %.1f s (qad-poller done publishing after %.1f s),"
            + " %d ServiceNow calls, %d QAD calls%n",
        expected, seconds, polled, initialCalls, qadCalls);

    List<QadRow> lines = qad.table(QadEntity.PURCHASE_ORDER_LINE).all().subList(0, changes);
    for (QadRow line : lines) {
      String key = line.get("pod_nbr") + "|" + line.get("pod_line");
      qad.change(QadEntity.PURCHASE_ORDER_LINE, key, Map.of("pod_desc", "bench change " + key));
    }
    sn.counters().reset();
    qad.counters().reset();
    Map<String, Double> cycleCpuBefore = meter.cpuSeconds();
    long cycleStart = System.nanoTime();
    poll();
    awaitVisible(lines.get(lines.size() - 1));
    double cycleSeconds = (System.nanoTime() - cycleStart) / 1e9;
    settle();
    long incrementalCalls = calls();
    long cycleQadCalls = qadCalls();
    Map<String, Double> cycleCpu = FleetMeter.used(cycleCpuBefore, meter.cpuSeconds());
    cycleCpu.replaceAll((process, used) -> used * 1000.0 / changes);
    out.printf(
        "  incremental: %d changed lines in %.1f s, %d ServiceNow calls, %d QAD calls%n",
        changes, cycleSeconds, incrementalCalls, cycleQadCalls);

    sn.counters().reset();
    poll();
    settle();
    long unchangedWrites = sn.counters().writes();
    out.printf("  unchanged cycle: %d ServiceNow writes%n", unchangedWrites);
    return new BenchFigures(
        initialCalls * 1000.0 / expected,
        incrementalCalls * 1000.0 / changes,
        unchangedWrites,
        expected / seconds,
        qadCalls * 1000.0 / expected,
        cpu,
        meter.peakRssMb(),
        List.of(),
        new CycleFigures(changes / cycleSeconds, cycleQadCalls * 1000.0 / changes, cycleCpu));
  }

  private long expectedRows() {
    return qad.table(QadEntity.SUPPLIER).size()
        + qad.table(QadEntity.PURCHASE_ORDER).size()
        + qad.table(QadEntity.PURCHASE_ORDER_LINE).size()
        + qad.table(QadEntity.GOODS_RECEIPT).size()
        + qad.table(QadEntity.COST_CENTER).size()
        + qad.table(QadEntity.GL_ACCOUNT).size();
  }

  /**
   * Counted, not copied: a snapshot of every staging row every 250 ms holds the simulator's table
   * lock while it copies (100,000 rows: most of a core), slowing the very writes it waits for.
   */
  private long stagedRows() {
    return STAGING.stream().mapToLong(t -> sn.rows().size(t)).sum();
  }

  /** Every HTTP request ServiceNow received: reads, writes, token and batch calls. */
  private long calls() {
    return sn.counters().httpRequests();
  }

  private void poll() throws IOException, InterruptedException {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(poller)
                .header("Authorization", "Bearer " + token)
                .timeout(TIMEOUT)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IOException("poll answered " + r.statusCode() + ": " + r.body());
    }
  }

  private void awaitRows(long expected) throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (stagedRows() < expected) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("only " + stagedRows() + " of " + expected + " rows");
      }
      Thread.sleep(250);
    }
  }

  /** Until the staging row of {@code lastChanged} shows its change. */
  private void awaitVisible(QadRow lastChanged) throws InterruptedException {
    String id = lastChanged.get("pod_nbr") + "|" + lastChanged.get("pod_line");
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    // Selected, not copied whole: only the row asked for leaves the simulator's lock.
    while (sn.rows()
        .select(
            "sn_fcms_intg_imp_order_line",
            r ->
                id.equals(r.get("u_external_id"))
                    && String.valueOf(r.get("u_description")).startsWith("bench change"))
        .isEmpty()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("change of " + id + " never arrived");
      }
      Thread.sleep(100);
    }
  }

  private long qadCalls() {
    return qad.counters().snapshot().values().stream().mapToLong(Long::longValue).sum();
  }

  /** Waits until ServiceNow has seen no request for two seconds: the pipeline is drained. */
  private void settle() throws InterruptedException {
    long last = -1;
    int quiet = 0;
    while (quiet < 8) {
      Thread.sleep(250);
      long now = calls();
      quiet = now == last ? quiet + 1 : 0;
      last = now;
    }
  }
}

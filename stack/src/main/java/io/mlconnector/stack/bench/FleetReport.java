package io.mlconnector.stack.bench;

import io.mlconnector.sandbox.servicenow.traffic.LatencyModel;
import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bench's process and latency figures (QAD calls, CPU, peak memory, change-to-visible latency)
 * for the table and for {@code .mlc/bench.json}, beside {@link BenchReport}'s ServiceNow figures.
 */
final class FleetReport {
  private FleetReport() {}

  static void put(Map<String, Object> doc, String prefix, BenchFigures f, Duration schedule) {
    doc.put(prefix + "qad_calls_per_1000_initial", BenchReport.round(f.qadCallsPer1000Initial()));
    doc.put(prefix + "cpu_seconds_per_1000_initial", hundredths(f.cpuSecondsPer1000Initial()));
    doc.put(
        prefix + "cpu_seconds_per_1000_initial_by_process",
        hundredths(f.cpuSecondsByProcessInitial()));
    CycleFigures cycle = f.incremental();
    doc.put(prefix + "records_per_second_incremental", BenchReport.round(cycle.recordsPerSecond()));
    doc.put(prefix + "qad_calls_per_1000_incremental", BenchReport.round(cycle.qadCallsPer1000()));
    doc.put(prefix + "cpu_seconds_per_1000_incremental", hundredths(cycle.cpuSecondsPer1000()));
    doc.put(
        prefix + "cpu_seconds_per_1000_incremental_by_process",
        hundredths(cycle.cpuSecondsByProcess()));
    doc.put(prefix + "rss_mb_max_by_service", f.rssMbMaxByService());
    if (!f.changeLatencyMs().isEmpty()) {
      doc.put(prefix + "latency_ms_p50", InvoiceLatency.percentile(f.changeLatencyMs(), 50));
      doc.put(prefix + "latency_ms_p95", InvoiceLatency.percentile(f.changeLatencyMs(), 95));
      doc.put(prefix + "latency_ms_max", InvoiceLatency.percentile(f.changeLatencyMs(), 100));
      doc.put(prefix + "latency_samples", f.changeLatencyMs().size());
      doc.put(prefix + "latency_schedule_seconds", schedule.toSeconds());
    }
  }

  static void print(PrintStream out, BenchFigures batched, BenchFigures naive, Duration schedule) {
    out.printf(
        "%-40s %14.1f %14.1f%n",
        "QAD calls / 1,000, initial load",
        batched.qadCallsPer1000Initial(),
        naive.qadCallsPer1000Initial());
    out.printf(
        "%-40s %14.2f %14.2f%n",
        "CPU seconds / 1,000, initial (all)",
        batched.cpuSecondsPer1000Initial(),
        naive.cpuSecondsPer1000Initial());
    batched
        .cpuSecondsByProcessInitial()
        .forEach(
            (name, s) ->
                out.printf(
                    "%-40s %14.2f %14.2f%n",
                    "  " + name, s, naive.cpuSecondsByProcessInitial().getOrDefault(name, 0.0)));
    out.printf(
        "%-40s %14.1f %14.1f%n",
        "records/s, incremental cycle",
        batched.incremental().recordsPerSecond(),
        naive.incremental().recordsPerSecond());
    out.printf(
        "%-40s %14.1f %14.1f%n",
        "QAD calls / 1,000, incremental",
        batched.incremental().qadCallsPer1000(),
        naive.incremental().qadCallsPer1000());
    out.printf(
        "%-40s %14.2f %14.2f%n",
        "CPU seconds / 1,000, incremental (all)",
        batched.incremental().cpuSecondsPer1000(),
        naive.incremental().cpuSecondsPer1000());
    out.printf("%-40s%n", "peak RSS, MB");
    batched
        .rssMbMaxByService()
        .forEach(
            (name, mb) ->
                out.printf(
                    "%-40s %,14d %,14d%n",
                    "  " + name, mb, naive.rssMbMaxByService().getOrDefault(name, 0L)));
    if (batched.changeLatencyMs().isEmpty() && naive.changeLatencyMs().isEmpty()) {
      return;
    }
    out.printf("%-40s%n", "change-to-visible, ms (PO schedule " + schedule.toSeconds() + " s)");
    for (int p : List.of(50, 95, 100)) {
      out.printf(
          "%-40s %,14d %,14d%n",
          p == 100 ? "  max" : "  p" + p,
          InvoiceLatency.percentile(batched.changeLatencyMs(), p),
          InvoiceLatency.percentile(naive.changeLatencyMs(), p));
    }
  }

  private static double hundredths(double v) {
    return Math.round(v * 100) / 100.0;
  }

  /** Each process's figure rounded to hundredths, in the same order. */
  private static Map<String, Double> hundredths(Map<String, Double> byProcess) {
    Map<String, Double> out = new LinkedHashMap<>();
    byProcess.forEach((name, s) -> out.put(name, hundredths(s)));
    return out;
  }

  /** The batched mode's change-to-visible on qad-poller's default PO schedule, when measured. */
  static void putDefaultSchedule(Map<String, Object> doc, List<Long> samples, Duration schedule) {
    if (samples.isEmpty()) {
      return;
    }
    doc.put("latency_ms_p50_default_schedule", InvoiceLatency.percentile(samples, 50));
    doc.put("latency_ms_p95_default_schedule", InvoiceLatency.percentile(samples, 95));
    doc.put("latency_ms_max_default_schedule", InvoiceLatency.percentile(samples, 100));
    doc.put("latency_samples_default_schedule", samples.size());
    doc.put("latency_default_schedule_seconds", schedule.toSeconds());
  }

  static void printDefaultSchedule(PrintStream out, List<Long> samples, Duration schedule) {
    if (samples.isEmpty()) {
      return;
    }
    out.printf(
        "%-40s%n", "change-to-visible, ms (default PO schedule " + schedule.toSeconds() + " s)");
    for (int p : List.of(50, 95, 100)) {
      out.printf(
          "%-40s %,14d %14s%n",
          p == 100 ? "  max" : "  p" + p, InvoiceLatency.percentile(samples, p), "-");
    }
  }

  static void legend(PrintStream out, LatencyModel.Settings latency, Duration schedule) {
    out.println(
        "  QAD calls / 1,000: HTTP calls to the QAD simulator (token, browses) per 1,000 records.");
    out.println(
        "  CPU seconds / 1,000: utime + stime from /proc during the initial load, per process:");
    out.println(
        "    each service, the launcher's JVM (Kafka, both simulators, the bench) and PostgreSQL;");
    out.println(
        "    the launcher's share includes the bench counting the staging rows every 250 ms and");
    out.println(
        "    the simulators answering (a QAD browse and a Table API list scan their table).");
    out.println(
        "  incremental cycle: the changed PO lines of one poll per second, from the poll's start");
    out.println(
        "    until the last shows in ServiceNow; QAD calls and CPU per 1,000 changed lines, CPU");
    out.println("    until the pipeline is drained (2 s without a ServiceNow call).");
    out.println(
        "  peak RSS: VmHWM of each service at the end of its mode; qad-poller and mapper-service");
    out.println("    serve both modes, so their naive figure is their peak over the whole run.");
    out.printf(
        "  change-to-visible: a PO line changed in QAD until its staging row shows it, %d changes"
            + " spread over two periods of a %d s PO schedule (1 s scheduler tick).%n",
        ChangeLatencyRun.SAMPLES, schedule.toSeconds());
    out.println("  ServiceNow latency model (ms): " + latency.asMap());
  }
}

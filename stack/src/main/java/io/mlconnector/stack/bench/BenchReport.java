package io.mlconnector.stack.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.mlconnector.sandbox.servicenow.traffic.LatencyModel;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bench's figures for a person (a table with the record count each mode ran on, rounded ratios,
 * a legend saying which figures depend on scale) and for a file ({@link #asMap}).
 */
final class BenchReport {
  private final BenchFigures batched;
  private final BenchFigures naive;
  private final long records;
  private final long naiveRecords;
  private final InvoiceLatency latency;
  private final LatencyModel.Settings servicenowLatency;
  private Duration latencySchedule = ChangeLatencyRun.DEFAULT_SCHEDULE;
  private List<Long> defaultScheduleLatency = List.of();
  private Duration defaultSchedule = ChangeLatencyRun.QAD_DEFAULT_PO_SCHEDULE;

  BenchReport(BenchFigures batched, BenchFigures naive, long records, long naiveRecords) {
    this(batched, naive, records, naiveRecords, null);
  }

  BenchReport(
      BenchFigures batched,
      BenchFigures naive,
      long records,
      long naiveRecords,
      InvoiceLatency latency) {
    this(batched, naive, records, naiveRecords, latency, LatencyModel.Settings.NONE);
  }

  /**
   * @param latency invoice change-to-QAD latency with and without push; null when not measured
   * @param servicenowLatency the ServiceNow simulator's latency model during the run
   */
  BenchReport(
      BenchFigures batched,
      BenchFigures naive,
      long records,
      long naiveRecords,
      InvoiceLatency latency,
      LatencyModel.Settings servicenowLatency) {
    this.servicenowLatency = servicenowLatency;
    this.batched = batched;
    this.naive = naive;
    this.records = records;
    this.naiveRecords = naiveRecords;
    this.latency = latency;
  }

  /** The PO schedule the change-to-visible latency was measured on (default 5 s). */
  BenchReport withLatencySchedule(Duration schedule) {
    this.latencySchedule = schedule;
    return this;
  }

  /** The batched mode's change-to-visible samples on qad-poller's default PO schedule. */
  BenchReport withDefaultScheduleLatency(List<Long> samples, Duration schedule) {
    this.defaultScheduleLatency = List.copyOf(samples);
    this.defaultSchedule = schedule;
    return this;
  }

  double ratioCallsInitial() {
    return round(naive.callsPer1000Initial() / batched.callsPer1000Initial());
  }

  double ratioCallsIncremental() {
    return round(naive.callsPer1000Incremental() / batched.callsPer1000Incremental());
  }

  double ratioRecordsPerSecond() {
    return round(batched.recordsPerSecondInitial() / naive.recordsPerSecondInitial());
  }

  void print(PrintStream out) {
    out.println();
    out.printf("%-40s %14s %14s %8s%n", "", "batched", "naive", "ratio");
    out.printf("%-40s %,14d %,14d%n", "records (N)", records, naiveRecords);
    row(
        out,
        "ServiceNow calls / 1,000, initial load",
        batched.callsPer1000Initial(),
        naive.callsPer1000Initial(),
        ratioCallsInitial());
    row(
        out,
        "ServiceNow calls / 1,000, incremental",
        batched.callsPer1000Incremental(),
        naive.callsPer1000Incremental(),
        ratioCallsIncremental());
    out.printf(
        "%-40s %,14d %,14d%n",
        "ServiceNow writes, unchanged cycle",
        batched.writesUnchangedCycle(),
        naive.writesUnchangedCycle());
    row(
        out,
        "records/s end to end, initial load",
        batched.recordsPerSecondInitial(),
        naive.recordsPerSecondInitial(),
        ratioRecordsPerSecond());
    if (latency != null) {
      out.printf("%-40s %14s %14s%n", "invoice change-to-QAD, ms", "push", "schedule only");
      out.printf(
          "%-40s %,14d %,14d%n",
          "  p50",
          InvoiceLatency.percentile(latency.pushMs(), 50),
          InvoiceLatency.percentile(latency.pollMs(), 50));
      out.printf(
          "%-40s %,14d %,14d%n",
          "  p95",
          InvoiceLatency.percentile(latency.pushMs(), 95),
          InvoiceLatency.percentile(latency.pollMs(), 95));
    }
    FleetReport.print(out, batched, naive, latencySchedule);
    FleetReport.printDefaultSchedule(out, defaultScheduleLatency, defaultSchedule);
    out.println();
    out.println("legend");
    out.println(
        "  calls / 1,000, initial: HTTP calls to ServiceNow per 1,000 records of the first");
    out.println(
        "    full sync (reads, writes, token and batch calls). Depends on N in batched mode:");
    out.println(
        "    each table pays a fixed part (token, its last partly filled batch), spread over");
    out.println("    fewer records when N is small; compare figures measured at the same N. Naive");
    out.println("    mode is ~2,000 at any N (one lookup + one write per record).");
    out.println(
        "  calls / 1,000, incremental: the same per 1,000 lines changed in one cycle (1% of");
    out.println("    N, 10 to 1,000); each changed line also touches its order, and a few changes");
    out.println(
        "    fill no batch, so it reads higher than the initial figure and falls as N grows.");
    out.println(
        "  writes, unchanged cycle: ServiceNow writes when nothing changed in QAD (should be 0).");
    out.println(
        "  records/s: synced records per second, poll start to last row; machine-dependent.");
    if (latency != null) {
      out.printf(
          "  invoice change-to-QAD: AP clerk approval in ServiceNow to the voucher in QAD, per"
              + " invoice (%d with push, %d without), invoice schedule %s; without push the"
              + " approvals are spread over one schedule period.%n",
          latency.pushMs().size(), latency.pollMs().size(), latency.schedule());
    }
    out.printf(
        "  naive mode runs on %,d records: at one lookup and one write per record the full N"
            + " would take hours.%n",
        naiveRecords);
    FleetReport.legend(out, servicenowLatency, latencySchedule);
  }

  /** Writes {@link #asMap} to {@code file} and prints the table. */
  void write(Path file, PrintStream out) throws IOException {
    Files.writeString(
        file,
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(asMap()));
    print(out);
    out.println("figures also in " + file);
  }

  private static void row(PrintStream out, String label, double b, double n, double ratio) {
    out.printf("%-40s %14.1f %14.1f %7.1fx%n", label, b, n, ratio);
  }

  Map<String, Object> asMap() {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("records_requested", records);
    doc.put("naive_records", naiveRecords);
    put(doc, "", batched);
    put(doc, "naive_", naive);
    doc.put("ratio_calls_initial", ratioCallsInitial());
    doc.put("ratio_calls_incremental", ratioCallsIncremental());
    doc.put("ratio_records_per_second", ratioRecordsPerSecond());
    if (latency != null) {
      doc.put("invoice_latency_ms_p50_push", InvoiceLatency.percentile(latency.pushMs(), 50));
      doc.put("invoice_latency_ms_p95_push", InvoiceLatency.percentile(latency.pushMs(), 95));
      doc.put("invoice_latency_ms_p50_poll", InvoiceLatency.percentile(latency.pollMs(), 50));
      doc.put("invoice_latency_ms_p95_poll", InvoiceLatency.percentile(latency.pollMs(), 95));
      doc.put("invoice_latency_samples_push", latency.pushMs().size());
      doc.put("invoice_latency_samples_poll", latency.pollMs().size());
      doc.put("invoice_schedule_seconds", latency.schedule().toSeconds());
    }
    doc.put("servicenow_latency_model", servicenowLatency.asMap());
    FleetReport.put(doc, "", batched, latencySchedule);
    FleetReport.put(doc, "naive_", naive, latencySchedule);
    FleetReport.putDefaultSchedule(doc, defaultScheduleLatency, defaultSchedule);
    return doc;
  }

  private static void put(Map<String, Object> doc, String prefix, BenchFigures f) {
    doc.put(prefix + "sn_calls_per_1000_initial", round(f.callsPer1000Initial()));
    doc.put(prefix + "sn_calls_per_1000_incremental", round(f.callsPer1000Incremental()));
    doc.put(prefix + "sn_writes_unchanged_cycle", f.writesUnchangedCycle());
    doc.put(prefix + "records_per_second_initial", round(f.recordsPerSecondInitial()));
  }

  static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }
}

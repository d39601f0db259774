package io.mlconnector.stack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.sandbox.servicenow.traffic.LatencyModel;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bench's printout: N beside each mode, ratios rounded, a legend for the scale effects. */
class BenchReportTest {
  @Test
  void printsEachModesRecordCountRoundedRatiosAndALegend() {
    BenchReport report =
        new BenchReport(
            new BenchFigures(56.93, 160.0, 0, 390.27),
            new BenchFigures(2000.0, 2000.0, 0, 31.4),
            5_000,
            2_000);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    report.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String text = bytes.toString(StandardCharsets.UTF_8);

    assertThat(text).containsPattern("records \\(N\\) +5,000 +2,000");
    assertThat(text).containsPattern("initial load +56\\.9 +2000\\.0 +35\\.1x");
    assertThat(text).doesNotContainPattern("\\d\\.\\d{3,}");
    assertThat(text).contains("legend", "Depends on N", "naive mode runs on 2,000 records");
    assertThat(report.asMap())
        .containsEntry("ratio_calls_initial", 35.1)
        .containsEntry("ratio_calls_incremental", 12.5)
        .containsEntry("naive_records", 2_000L);
  }

  @Test
  void writesQadCallsCpuMemoryAndChangeLatencyForEachModeNextToTheExistingKeys() {
    BenchFigures batched =
        new BenchFigures(
            10.5,
            30.0,
            0,
            900.0,
            2.26,
            Map.of("writer-service", 0.5, FleetMeter.POSTGRES, 0.25),
            Map.of("writer-service", 180L),
            List.of(5_000L, 1_000L, 3_000L, 2_000L, 4_000L),
            new CycleFigures(
                412.34, 2.04, Map.of("writer-service", 0.3, FleetMeter.POSTGRES, 0.125)));
    BenchFigures naive =
        new BenchFigures(
            2000.0,
            2000.0,
            0,
            60.0,
            2.5,
            Map.of("writer-service", 4.0),
            Map.of(),
            List.of(),
            new CycleFigures(33.3, 2.0, Map.of("writer-service", 5.0)));

    Map<String, Object> doc =
        new BenchReport(batched, naive, 10_000, 10_000, null, LatencyModel.Settings.perCall(150))
            .asMap();

    assertThat(doc)
        .containsEntry("sn_calls_per_1000_initial", 10.5)
        .containsEntry("qad_calls_per_1000_initial", 2.3)
        .containsEntry("naive_qad_calls_per_1000_initial", 2.5)
        .containsEntry("cpu_seconds_per_1000_initial", 0.75)
        .containsEntry("naive_cpu_seconds_per_1000_initial", 4.0)
        .containsEntry("rss_mb_max_by_service", Map.of("writer-service", 180L))
        .containsEntry("latency_ms_p50", 3_000L)
        .containsEntry("latency_ms_p95", 5_000L)
        .containsEntry("latency_ms_max", 5_000L)
        .containsEntry(
            "servicenow_latency_model",
            Map.of("table_call_ms", 150L, "batch_sub_request_ms", 30L, "token_ms", 150L))
        .containsEntry("records_per_second_incremental", 412.3)
        .containsEntry("qad_calls_per_1000_incremental", 2.0)
        .containsEntry("cpu_seconds_per_1000_incremental", 0.43)
        .containsEntry(
            "cpu_seconds_per_1000_incremental_by_process",
            Map.of("writer-service", 0.3, FleetMeter.POSTGRES, 0.13))
        .containsEntry("naive_records_per_second_incremental", 33.3)
        .containsEntry("naive_cpu_seconds_per_1000_incremental", 5.0)
        .doesNotContainKey("naive_latency_ms_p95")
        .doesNotContainKey("latency_ms_p95_default_schedule");
  }

  @Test
  void theBatchedModesLatencyOnTheDefaultScheduleIsReportedBesideTheShortOne() {
    BenchFigures batched =
        new BenchFigures(10.5, 30.0, 0, 900.0).withChangeLatency(List.of(4_000L, 6_000L));
    BenchReport report =
        new BenchReport(batched, new BenchFigures(2000.0, 2000.0, 0, 60.0), 1_000, 1_000)
            .withDefaultScheduleLatency(
                List.of(290_000L, 10_000L, 150_000L), ChangeLatencyRun.QAD_DEFAULT_PO_SCHEDULE);

    assertThat(report.asMap())
        .containsEntry("latency_ms_p95", 6_000L)
        .containsEntry("latency_ms_p50_default_schedule", 150_000L)
        .containsEntry("latency_ms_p95_default_schedule", 290_000L)
        .containsEntry("latency_ms_max_default_schedule", 290_000L)
        .containsEntry("latency_samples_default_schedule", 3)
        .containsEntry("latency_default_schedule_seconds", 300L);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    report.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .containsPattern("default PO schedule 300 s\\)\\R  p50 +150,000 +-");
  }

  @Test
  void readsCpuAndPeakMemoryOfARunningProcessFromProc() {
    long self = ProcessHandle.current().pid();
    FleetMeter meter = new FleetMeter(Map.of("this-jvm", self), -1);

    assertThat(meter.cpuSeconds().get("this-jvm")).isPositive();
    assertThat(meter.peakRssMb().get("this-jvm")).isPositive();
  }
}

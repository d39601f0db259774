package io.mlconnector.stack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
}

package io.mlconnector.stack.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;

/** Prints the console's onboarding ping report for a person: one line per check, fixes below. */
final class PingReport {
  private PingReport() {}

  static void print(JsonNode report, PrintStream out) {
    print(report, out, true);
  }

  /** With {@code all} false only the checks that did not pass are listed. */
  static void print(JsonNode report, PrintStream out, boolean all) {
    out.printf(
        "ping %s: %s — %s%n",
        report.path("tenant").asText(),
        report.path("ready").asBoolean() ? "READY" : "NOT READY",
        report.path("summary").asText());
    for (JsonNode check : report.path("checks")) {
      if (!all && check.path("status").asText().equals("PASSED")) {
        continue;
      }
      out.printf("  %-8s %s%n", check.path("status").asText(), check.path("name").asText());
      if (!check.path("fix").isNull() && !check.path("fix").asText().isEmpty()) {
        out.printf("           tried: %s%n", check.path("tried").asText());
        out.printf("           fix:   %s%n", check.path("fix").asText());
      }
    }
  }
}

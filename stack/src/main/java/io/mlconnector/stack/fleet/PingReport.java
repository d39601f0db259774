package io.mlconnector.stack.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints the console's onboarding ping report for a person: one line per check, with the cause and
 * fix under each that did not pass. Checks the console could not run because an earlier one failed
 * ("not tried") are collapsed into one line per system, so the failure that matters stays on
 * screen.
 */
final class PingReport {
  /** Up to this many skipped checks are named; more would only push the failure off screen. */
  private static final int SHOWN = 4;

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
    Map<String, List<String>> notTried = new LinkedHashMap<>();
    for (JsonNode check : report.path("checks")) {
      String status = check.path("status").asText();
      if (notTried(check)) {
        notTried
            .computeIfAbsent(check.path("system").asText(), s -> new ArrayList<>())
            .add(check.path("name").asText());
        continue;
      }
      if (!all && status.equals("PASSED")) {
        continue;
      }
      out.printf("  %-8s %s%n", status, check.path("name").asText());
      if (!status.equals("PASSED")) {
        printLine(out, "cause", check.path("detail"));
        printLine(out, "tried", check.path("tried"));
        printLine(out, "fix", check.path("fix"));
      }
    }
    notTried.forEach(
        (system, names) ->
            out.printf(
                "  %-8s %d more %s check(s) not tried until the failure above is fixed%s%n",
                "SKIPPED",
                names.size(),
                system,
                names.size() <= SHOWN ? ": " + String.join(", ", names) : ""));
  }

  private static boolean notTried(JsonNode check) {
    return check.path("status").asText().equals("FAILED")
        && check.path("tried").asText().startsWith("nothing (not tried)");
  }

  private static void printLine(PrintStream out, String label, JsonNode value) {
    if (!value.isMissingNode() && !value.isNull() && !value.asText().isBlank()) {
      out.printf("           %-6s %s%n", label + ":", value.asText());
    }
  }
}

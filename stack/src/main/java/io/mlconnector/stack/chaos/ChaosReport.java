package io.mlconnector.stack.chaos;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The outcome of a chaos run: the table printed at the end and {@code .mlc/chaos.json}. */
final class ChaosReport {
  /** Records named per invariant in the JSON and on screen (the counts are always complete). */
  private static final int NAMED = 50;

  private final ChaosVerdict verdict;
  private final Map<String, Long> faultsInjected;
  private final int serviceRestarts;
  private final long wallSeconds;
  private final long seed;
  private final boolean selfTest;
  private Map<String, Object> triage = Map.of();
  private Map<String, Object> diagnostics = Map.of();

  ChaosReport(
      ChaosVerdict verdict,
      Map<String, Long> faultsInjected,
      int serviceRestarts,
      long wallSeconds,
      long seed,
      boolean selfTest) {
    this.verdict = verdict;
    this.faultsInjected = faultsInjected;
    this.serviceRestarts = serviceRestarts;
    this.wallSeconds = wallSeconds;
    this.seed = seed;
    this.selfTest = selfTest;
  }

  /**
   * The connector's own view of what did not get through (e.g. the writer's unposted invoices),
   * written beside the verdict for whoever triages a failure; never used to judge.
   */
  ChaosReport withTriage(Map<String, Object> connectorView) {
    this.triage = connectorView;
    return this;
  }

  /**
   * What the fleet held when the verdict failed ({@link FailureTriage}): where the lost records
   * stopped. Empty on a pass.
   */
  ChaosReport withDiagnostics(Map<String, Object> fleetView) {
    this.diagnostics = fleetView;
    return this;
  }

  /**
   * Every invariant holds and every fault kind was injected at least once; in the self-test (a
   * writer broken on purpose), the harness caught the broken writer: duplicated QAD invoices.
   */
  boolean passed() {
    if (selfTest) {
      return verdict.count("qad_invoices_duplicated") > 0;
    }
    return verdict.passed() && faultsNotInjected().isEmpty();
  }

  /** Fault kinds with a count of 0: the run did not test what it claims to. */
  List<String> faultsNotInjected() {
    return java.util.Arrays.stream(FaultKind.values())
        .map(FaultKind::key)
        .filter(k -> faultsInjected.getOrDefault(k, 0L) == 0)
        .toList();
  }

  Map<String, Object> asJson() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("passed", passed());
    out.put("seed", seed);
    out.put("self_test", selfTest);
    out.put("records_expected", verdict.recordsExpected());
    out.putAll(verdict.invoiceFigures());
    for (String invariant : ChaosVerdict.INVARIANTS) {
      out.put(invariant, verdict.count(invariant));
    }
    out.put("staging_duplicates_per_table", verdict.duplicatesPerTable());
    out.put("faults_injected", faultsInjected);
    out.put("faults_not_injected", faultsNotInjected());
    out.put("service_restarts", serviceRestarts);
    out.put("wall_seconds", wallSeconds);
    Map<String, List<String>> named = new LinkedHashMap<>();
    for (String invariant : ChaosVerdict.INVARIANTS) {
      List<String> records = verdict.records(invariant);
      if (!records.isEmpty()) {
        named.put(invariant, records.subList(0, Math.min(NAMED, records.size())));
      }
    }
    out.put("violations", named);
    out.put("connector_view_for_triage", triage);
    if (!diagnostics.isEmpty()) {
      out.put("diagnostics", diagnostics);
    }
    return out;
  }

  void write(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(file.toFile(), asJson());
  }

  void print(PrintStream out) {
    out.println();
    out.printf("%-34s %10s%n", "invariant", "count");
    out.printf("%-34s %10d%n", "records_expected", verdict.recordsExpected());
    verdict.invoiceFigures().forEach((k, n) -> out.printf("%-34s %10d%n", k, n));
    for (String invariant : ChaosVerdict.INVARIANTS) {
      long n = verdict.count(invariant);
      out.printf("%-34s %10d %s%n", invariant, n, n == 0 ? "ok" : "VIOLATED");
    }
    verdict.duplicatesPerTable().forEach((t, n) -> out.printf("  duplicates in %s: %d%n", t, n));
    out.println("faults injected:");
    faultsInjected.forEach((k, n) -> out.printf("  %-40s %6d%n", k, n));
    out.printf("service restarts %d, wall %d s, seed %d%n", serviceRestarts, wallSeconds, seed);
    for (String invariant : ChaosVerdict.INVARIANTS) {
      List<String> records = verdict.records(invariant);
      if (!records.isEmpty()) {
        out.printf("%s (%d), first ones:%n", invariant, records.size());
        records.stream().limit(15).forEach(r -> out.println("  " + r));
      }
    }
    if (selfTest) {
      out.println(
          passed()
              ? "SELF-TEST PASSED: the harness caught the blindly re-sending writer ("
                  + verdict.count("qad_invoices_duplicated")
                  + " ServiceNow invoices with more than one QAD invoice)"
              : "SELF-TEST FAILED: a writer re-sending QAD POSTs blindly went unnoticed");
      return;
    }
    if (!faultsNotInjected().isEmpty()) {
      out.println(
          "fault kinds never injected (the run proves nothing about them): " + faultsNotInjected());
    }
    out.println(passed() ? "CHAOS PASSED" : "CHAOS FAILED");
  }

  /**
   * Events fired per kind; for the ambiguous kinds the answers the simulators actually lost, per
   * write endpoint (and per endpoint and mode as {@code lost_answer.*}).
   */
  static Map<String, Long> faultsInjected(Map<FaultKind, Long> fired, AmbiguousSwitches sandbox) {
    Map<String, Long> out = new LinkedHashMap<>();
    Map<String, Long> qad = sandbox.lostAnswers("qad");
    Map<String, Long> sn = sandbox.lostAnswers("servicenow");
    Map<FaultKind, String> endpoints =
        Map.of(
            FaultKind.AMBIGUOUS_QAD_INVOICE_POST, "supplier_invoice_post",
            FaultKind.AMBIGUOUS_SN_TABLE_POST, "table_post",
            FaultKind.AMBIGUOUS_SN_TABLE_PATCH, "table_patch",
            FaultKind.AMBIGUOUS_SN_BATCH, "batch");
    for (FaultKind kind : FaultKind.values()) {
      String endpoint = endpoints.get(kind);
      if (endpoint == null) {
        out.put(kind.key(), fired.getOrDefault(kind, 0L));
      } else {
        // Lost answers the simulators actually produced, not switch flips.
        Map<String, Long> counts = kind == FaultKind.AMBIGUOUS_QAD_INVOICE_POST ? qad : sn;
        out.put(
            kind.key(),
            counts.entrySet().stream()
                .filter(e -> e.getKey().startsWith(endpoint + ":"))
                .mapToLong(Map.Entry::getValue)
                .sum());
      }
    }
    qad.forEach((k, v) -> out.put("lost_answer.qad." + k, v));
    sn.forEach((k, v) -> out.put("lost_answer.servicenow." + k, v));
    return out;
  }
}

package io.mlconnector.stack.chaos;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The invariants of a chaos run, each a count and the records that broke it. Zero everywhere is a
 * pass.
 */
public final class ChaosVerdict {
  /** The invariants, in report order. */
  public static final List<String> INVARIANTS =
      List.of(
          "records_lost",
          "staging_duplicates",
          "stale_rows",
          "qad_invoices_duplicated",
          "invoices_posted_before_receipt",
          "invoices_not_written_back",
          "resubmissions_ignored",
          "retry_after_violations",
          "parked_without_reason",
          "poisoned_not_parked");

  private final Map<String, Long> counts = new LinkedHashMap<>();
  private final Map<String, List<String>> records = new LinkedHashMap<>();
  private final Map<String, Long> duplicatesPerTable = new TreeMap<>();
  private long recordsExpected;
  private final Map<String, Long> invoiceFigures = new LinkedHashMap<>();

  ChaosVerdict() {
    INVARIANTS.forEach(
        i -> {
          counts.put(i, 0L);
          records.put(i, new ArrayList<>());
        });
  }

  void violation(String invariant, String record) {
    counts.merge(invariant, 1L, Long::sum);
    records.get(invariant).add(record);
  }

  /** Names a record of a violation already counted with {@link #add}. */
  void name(String invariant, String record) {
    records.get(invariant).add(record);
  }

  /** A count observed elsewhere (e.g. by the simulators), without record names. */
  void add(String invariant, long count) {
    counts.merge(invariant, count, Long::sum);
  }

  void duplicateIn(String table) {
    duplicatesPerTable.merge(table, 1L, Long::sum);
  }

  void recordsExpected(long n) {
    recordsExpected = n;
  }

  public long recordsExpected() {
    return recordsExpected;
  }

  /**
   * What the run did with invoices, never judged: {@code invoices_approved} (approved invoices in
   * ServiceNow), {@code invoices_expected_posted} (those that must reach QAD), {@code qad_invoices}
   * (supplier invoices in QAD).
   */
  void invoiceFigure(String name, long n) {
    invoiceFigures.put(name, n);
  }

  public Map<String, Long> invoiceFigures() {
    return invoiceFigures;
  }

  public long count(String invariant) {
    return counts.get(invariant);
  }

  /** The records that broke an invariant (at most what was named). */
  public List<String> records(String invariant) {
    return records.get(invariant);
  }

  public Map<String, Long> duplicatesPerTable() {
    return duplicatesPerTable;
  }

  public boolean passed() {
    return counts.values().stream().allMatch(c -> c == 0);
  }

  public Map<String, Long> counts() {
    return counts;
  }
}

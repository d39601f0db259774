package io.mlconnector.stack.chaos;

import io.mlconnector.stack.chaos.GroundTruth.Expectation;
import io.mlconnector.stack.chaos.GroundTruth.ExpectedRow;
import io.mlconnector.stack.chaos.GroundTruth.Poisoned;
import io.mlconnector.stack.chaos.GroundTruth.QadInvoice;
import io.mlconnector.stack.chaos.GroundTruth.SnInvoice;
import io.mlconnector.stack.chaos.GroundTruth.StagingRow;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Judges a chaos run from the simulators' tables: every promise of the connector as a count of the
 * records that break it. Pure: the same ground truth always gives the same verdict.
 */
public final class InvariantChecker {

  public ChaosVerdict check(GroundTruth truth) {
    ChaosVerdict verdict = new ChaosVerdict();
    staging(truth, verdict);
    invoices(truth, verdict);
    verdict.add("retry_after_violations", truth.retryAfterViolations());
    truth.retryAfterCalls().forEach(c -> verdict.name("retry_after_violations", c));
    parking(truth, verdict);
    return verdict;
  }

  /** Every parking has a reason; every poisoned record ended parked, with one. */
  private static void parking(GroundTruth truth, ChaosVerdict verdict) {
    truth.parked().stream()
        .filter(p -> p.reason() == null || p.reason().isBlank())
        .forEach(p -> verdict.violation("parked_without_reason", p.name()));
    for (Poisoned poisoned : truth.poisoned()) {
      boolean parked =
          truth.parked().stream()
              .anyMatch(
                  p ->
                      p.tenant().equals(poisoned.tenant())
                          && p.entity().equals(poisoned.entity())
                          && p.sourceId().equals(poisoned.sourceId())
                          && p.reason() != null
                          && !p.reason().isBlank());
      if (!parked) {
        verdict.violation(
            "poisoned_not_parked",
            poisoned.tenant() + "/" + poisoned.entity() + "/" + poisoned.sourceId());
      }
    }
  }

  private static void staging(GroundTruth truth, ChaosVerdict verdict) {
    Map<String, List<StagingRow>> byKey =
        truth.staging().stream()
            .collect(
                Collectors.groupingBy(
                    r -> key(r.tenant(), r.table(), r.externalId()),
                    LinkedHashMap::new,
                    Collectors.toList()));
    byKey.forEach(
        (key, rows) -> {
          if (rows.size() > 1) {
            verdict.violation("staging_duplicates", key + " ×" + rows.size());
            verdict.duplicateIn(rows.get(0).table());
          }
        });
    for (ExpectedRow expected : truth.expected()) {
      String key = key(expected.tenant(), expected.table(), expected.externalId());
      List<StagingRow> rows = byKey.get(key);
      if (rows == null) {
        verdict.violation("records_lost", key);
      } else if (rows.stream().anyMatch(r -> !differences(expected, r).isEmpty())) {
        StagingRow stale =
            rows.stream().filter(r -> !differences(expected, r).isEmpty()).findFirst().get();
        verdict.violation("stale_rows", key + " " + differences(expected, stale));
      }
    }
    long invoicesExpected =
        truth.snInvoices().stream().filter(i -> i.expectation() == Expectation.POSTED).count();
    verdict.recordsExpected(truth.expected().size() + invoicesExpected);
    verdict.invoiceFigure("invoices_approved", truth.snInvoices().size());
    verdict.invoiceFigure("invoices_expected_posted", invoicesExpected);
    verdict.invoiceFigure("qad_invoices", truth.qadInvoices().size());
  }

  /** Columns whose staging value is not QAD's latest; numbers compare by value. */
  static Map<String, String> differences(ExpectedRow expected, StagingRow row) {
    Map<String, String> diff = new LinkedHashMap<>();
    expected
        .columns()
        .forEach(
            (column, want) -> {
              String have = row.values().getOrDefault(column, "");
              if (!same(want, have)) {
                diff.put(column, have + "≠" + want);
              }
            });
    return diff;
  }

  private static boolean same(String want, String have) {
    if (Objects.equals(want, have) || (want.isEmpty() && have == null)) {
      return true;
    }
    try {
      return new BigDecimal(want).compareTo(new BigDecimal(have)) == 0;
    } catch (NumberFormatException | NullPointerException notNumbers) {
      return false;
    }
  }

  private static void invoices(GroundTruth truth, ChaosVerdict verdict) {
    Map<String, List<QadInvoice>> inQad =
        truth.qadInvoices().stream()
            .collect(
                Collectors.groupingBy(
                    i -> key(i.tenant(), i.supplier(), i.reference()),
                    LinkedHashMap::new,
                    Collectors.toList()));
    inQad.forEach(
        (key, posted) -> {
          if (posted.size() > 1) {
            verdict.violation(
                "qad_invoices_duplicated",
                key
                    + " ×"
                    + posted.size()
                    + " "
                    + posted.stream().map(QadInvoice::voucher).toList());
          }
        });
    truth.qadInvoices().stream()
        .filter(i -> "Initial".equals(i.status()))
        .forEach(
            i ->
                verdict.violation(
                    "invoices_posted_before_receipt",
                    key(i.tenant(), i.supplier(), i.reference()) + " " + i.voucher()));
    Map<String, List<SnInvoice>> inSn =
        truth.snInvoices().stream()
            .collect(
                Collectors.groupingBy(
                    i -> key(i.tenant(), i.supplier(), i.reference()),
                    LinkedHashMap::new,
                    Collectors.toList()));
    inQad.forEach(
        (key, posted) -> {
          List<SnInvoice> sn = inSn.getOrDefault(key, List.of());
          boolean writtenBack =
              sn.stream()
                  .anyMatch(
                      i ->
                          "Processed".equals(i.status())
                              && posted.stream().anyMatch(q -> q.voucher().equals(i.erpNumber())));
          if (!writtenBack) {
            verdict.violation("invoices_not_written_back", key);
          }
        });
    for (SnInvoice invoice : truth.snInvoices()) {
      String key = key(invoice.tenant(), invoice.supplier(), invoice.reference());
      boolean posted = inQad.containsKey(key);
      if (invoice.expectation() == Expectation.POSTED && !posted && !invoice.resubmitted()) {
        verdict.violation(
            "records_lost",
            "invoice " + key + " (" + invoice.sysId() + ", " + invoice.status() + ")");
      }
      if (invoice.expectation() == Expectation.NOT_POSTED && posted) {
        verdict.violation("invoices_posted_before_receipt", "invoice " + key + " posted");
      }
      if (invoice.resubmitted() && (!posted || !"Processed".equals(invoice.status()))) {
        verdict.violation("resubmissions_ignored", "invoice " + key + " still " + invoice.status());
      }
    }
  }

  private static String key(String tenant, String a, String b) {
    return tenant + "/" + a + "/" + b;
  }
}

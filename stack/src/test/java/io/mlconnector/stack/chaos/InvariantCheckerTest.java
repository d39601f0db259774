package io.mlconnector.stack.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.stack.chaos.GroundTruth.Expectation;
import io.mlconnector.stack.chaos.GroundTruth.ExpectedRow;
import io.mlconnector.stack.chaos.GroundTruth.Parked;
import io.mlconnector.stack.chaos.GroundTruth.Poisoned;
import io.mlconnector.stack.chaos.GroundTruth.QadInvoice;
import io.mlconnector.stack.chaos.GroundTruth.SnInvoice;
import io.mlconnector.stack.chaos.GroundTruth.StagingRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The harness's judge: fed simulator state with one broken promise at a time, it names exactly that
 * violation (and a healthy state passes).
 */
class InvariantCheckerTest {
  private static final String SUPPLIERS = "sn_fcms_intg_imp_supplier";
  private final InvariantChecker checker = new InvariantChecker();

  private final List<ExpectedRow> expected =
      new ArrayList<>(
          List.of(
              new ExpectedRow("acme", SUPPLIERS, "S1", Map.of("u_name", "Alpha", "u_qty", "5")),
              new ExpectedRow("acme", SUPPLIERS, "S2", Map.of("u_name", "Beta", "u_qty", "1"))));
  private final List<StagingRow> staging =
      new ArrayList<>(
          List.of(
              new StagingRow(
                  "acme", SUPPLIERS, "S1", "a1", Map.of("u_name", "Alpha", "u_qty", "5.00")),
              new StagingRow(
                  "acme", SUPPLIERS, "S2", "a2", Map.of("u_name", "Beta", "u_qty", "1"))));
  private final List<QadInvoice> qad =
      new ArrayList<>(List.of(new QadInvoice("acme", "V1", "INV-1", "V0000001", "Matched")));
  private final List<SnInvoice> sn =
      new ArrayList<>(
          List.of(
              new SnInvoice(
                  "acme",
                  "i1",
                  "V1",
                  "INV-1",
                  "Processed",
                  "V0000001",
                  Expectation.POSTED,
                  false)));

  private ChaosVerdict verdict() {
    return checker.check(
        new GroundTruth(expected, staging, qad, sn, 0, List.of(), List.of(), List.of()));
  }

  @Test
  void aHealthyStatePasses() {
    ChaosVerdict verdict = verdict();
    assertThat(verdict.passed()).as(verdict.counts().toString()).isTrue();
    assertThat(verdict.recordsExpected()).isEqualTo(3);
    assertThat(verdict.invoiceFigures())
        .containsExactly(
            org.assertj.core.api.Assertions.entry("invoices_approved", 1L),
            org.assertj.core.api.Assertions.entry("invoices_expected_posted", 1L),
            org.assertj.core.api.Assertions.entry("qad_invoices", 1L));
  }

  @Test
  void aDuplicatedQadInvoiceIsNamed() {
    qad.add(new QadInvoice("acme", "V1", "INV-1", "V0000002", "Matched"));
    ChaosVerdict verdict = verdict();
    assertThat(verdict.count("qad_invoices_duplicated")).isEqualTo(1);
    assertThat(verdict.records("qad_invoices_duplicated"))
        .containsExactly("acme/V1/INV-1 ×2 [V0000001, V0000002]");
    assertThat(verdict.passed()).isFalse();
  }

  @Test
  void aDuplicateStagingRowIsNamedPerTable() {
    staging.add(new StagingRow("acme", SUPPLIERS, "S2", "a3", Map.of("u_name", "Beta")));
    ChaosVerdict verdict = verdict();
    assertThat(verdict.count("staging_duplicates")).isEqualTo(1);
    assertThat(verdict.records("staging_duplicates"))
        .containsExactly("acme/" + SUPPLIERS + "/S2 ×2");
    assertThat(verdict.duplicatesPerTable()).containsEntry(SUPPLIERS, 1L);
  }

  @Test
  void aLostRecordIsNamed() {
    staging.remove(1);
    ChaosVerdict verdict = verdict();
    assertThat(verdict.count("records_lost")).isEqualTo(1);
    assertThat(verdict.records("records_lost")).containsExactly("acme/" + SUPPLIERS + "/S2");
  }

  @Test
  void aStaleRowAndAnUnpostedInvoiceAreNamed() {
    staging.set(
        1, new StagingRow("acme", SUPPLIERS, "S2", "a2", Map.of("u_name", "Old", "u_qty", "1")));
    sn.add(new SnInvoice("acme", "i2", "V1", "INV-2", "New", "", Expectation.POSTED, false));
    ChaosVerdict verdict = verdict();
    assertThat(verdict.records("stale_rows"))
        .containsExactly("acme/" + SUPPLIERS + "/S2 {u_name=Old≠Beta}");
    assertThat(verdict.records("records_lost")).containsExactly("invoice acme/V1/INV-2 (i2, New)");
  }

  @Test
  void invoicesBeforeReceiptUnwrittenAndIgnoredResubmissionsAreNamed() {
    qad.add(new QadInvoice("acme", "V1", "INV-3", "V0000003", "Initial"));
    sn.add(new SnInvoice("acme", "i3", "V1", "INV-3", "New", "", Expectation.NOT_POSTED, false));
    sn.add(new SnInvoice("acme", "i4", "V1", "INV-4", "New", "", Expectation.POSTED, true));
    ChaosVerdict verdict =
        checker.check(
            new GroundTruth(
                expected,
                staging,
                qad,
                sn,
                2,
                List.of("qad GET /x 900 ms early"),
                List.of(new Parked("acme", "po", "P1", " ")),
                List.of()));
    assertThat(verdict.records("invoices_posted_before_receipt"))
        .containsExactly("acme/V1/INV-3 V0000003", "invoice acme/V1/INV-3 posted");
    assertThat(verdict.records("invoices_not_written_back")).containsExactly("acme/V1/INV-3");
    assertThat(verdict.records("resubmissions_ignored"))
        .containsExactly("invoice acme/V1/INV-4 still New");
    assertThat(verdict.count("retry_after_violations")).isEqualTo(2);
    assertThat(verdict.records("retry_after_violations"))
        .containsExactly("qad GET /x 900 ms early");
    assertThat(verdict.records("parked_without_reason")).containsExactly("acme/po/P1");
  }

  /** A poisoned record must end parked, with a reason; one that did not is named. */
  @Test
  void aPoisonedRecordNotParkedWithAReasonIsNamed() {
    List<Poisoned> poisoned =
        List.of(
            new Poisoned("acme", "cost-center", "chaos-poisoned-acme-0"),
            new Poisoned("globex", "cost-center", "chaos-poisoned-globex-1"),
            new Poisoned("globex", "cost-center", "chaos-poisoned-globex-2"));
    List<Parked> parked =
        List.of(
            new Parked("acme", "cost-center", "chaos-poisoned-acme-0", "failed 5 times in a row"),
            new Parked("globex", "cost-center", "chaos-poisoned-globex-2", ""),
            new Parked("acme", "cost-center", "chaos-poisoned-globex-1", "another tenant's"));

    ChaosVerdict verdict =
        checker.check(new GroundTruth(expected, staging, qad, sn, 0, List.of(), parked, poisoned));

    assertThat(verdict.count("poisoned_not_parked")).isEqualTo(2);
    assertThat(verdict.records("poisoned_not_parked"))
        .containsExactly(
            "globex/cost-center/chaos-poisoned-globex-1",
            "globex/cost-center/chaos-poisoned-globex-2");
    assertThat(verdict.records("parked_without_reason"))
        .containsExactly("globex/cost-center/chaos-poisoned-globex-2");
    assertThat(verdict.passed()).isFalse();
  }
}

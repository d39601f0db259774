package io.mlconnector.sandbox.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Determinism, default sizes, realistic edge cases and benchmark scaling of the seed data. */
class SeedDataTest {
  private static final SeedData DEFAULT = SeedData.generate(SeedData.DEFAULT_SEED);

  @Test
  void sameSeedGivesTheSameDataAndAnotherSeedDiffers() {
    SeedData again = SeedData.generate(SeedData.DEFAULT_SEED);
    assertThat(again.suppliers()).isEqualTo(DEFAULT.suppliers());
    assertThat(again.glAccounts()).isEqualTo(DEFAULT.glAccounts());
    assertThat(again.costCenters()).isEqualTo(DEFAULT.costCenters());
    for (int i : new int[] {0, 1, 2_499, 4_999}) {
      assertThat(again.purchaseOrder(i)).isEqualTo(DEFAULT.purchaseOrder(i));
    }
    assertThat(again.purchaseOrders().limit(200).toList())
        .isEqualTo(DEFAULT.purchaseOrders().limit(200).toList());

    SeedData other = SeedData.generate(7L);
    assertThat(other.suppliers()).isNotEqualTo(DEFAULT.suppliers());
    assertThat(other.purchaseOrder(0)).isNotEqualTo(DEFAULT.purchaseOrder(0));
  }

  @Test
  void defaultIsAMidSizedManufacturer() {
    assertThat(DEFAULT.suppliers()).hasSize(300);
    assertThat(DEFAULT.purchaseOrderCount()).isEqualTo(5_000);
    assertThat(DEFAULT.costCenters()).hasSize(50);
    assertThat(DEFAULT.glAccounts()).hasSize(200);
    assertThat(DEFAULT.subAccounts()).isNotEmpty();
    assertThat(DEFAULT.projects()).isNotEmpty();

    IntSummaryStatistics lines =
        DEFAULT.purchaseOrders().mapToInt(po -> po.lines().size()).summaryStatistics();
    assertThat(lines.getMin()).isEqualTo(1);
    assertThat(lines.getMax()).isEqualTo(10);
    long lineCount = lines.getSum();
    long receivedLines =
        DEFAULT
            .purchaseOrders()
            .flatMap(po -> po.lines().stream())
            .filter(l -> l.quantityReceived().signum() > 0)
            .count();
    assertThat((double) receivedLines / lineCount).isBetween(0.8, 0.9);
    assertThat(DEFAULT.purchaseOrderNumbers().get(0)).isEqualTo("P0000001");
    assertThat(DEFAULT.purchaseOrder(0).number()).isEqualTo("P0000001");
  }

  @Test
  void receiptsAddUpToTheReceivedQuantityAndReferToRealCodes() {
    Map<String, Supplier> suppliers =
        DEFAULT.suppliers().stream().collect(Collectors.toMap(Supplier::code, Function.identity()));
    List<String> activeCostCenters =
        DEFAULT.costCenters().stream().filter(CostCenter::active).map(CostCenter::code).toList();
    DEFAULT
        .purchaseOrders()
        .limit(500)
        .forEach(
            po -> {
              assertThat(suppliers).containsKey(po.supplier());
              assertThat(po.currency()).isEqualTo(suppliers.get(po.supplier()).currency());
              for (PurchaseOrderLine line : po.lines()) {
                assertThat(activeCostCenters).contains(line.costCenter());
                java.math.BigDecimal received =
                    po.receipts().stream()
                        .filter(r -> r.line() == line.line())
                        .map(GoodsReceipt::quantity)
                        .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
                assertThat(received).isEqualByComparingTo(line.quantityReceived());
                assertThat(received).isLessThanOrEqualTo(line.quantityOrdered());
              }
              po.receipts().forEach(r -> assertThat(r.modified()).isBefore(SeedData.ANCHOR));
            });
  }

  @Test
  void containsTheEdgeCasesAConnectorMustSurvive() {
    List<String> names = DEFAULT.suppliers().stream().map(Supplier::name).toList();
    assertThat(names).anyMatch(n -> n.contains(","));
    assertThat(names).anyMatch(n -> n.contains("^"));
    assertThat(names).anyMatch(n -> n.contains("\""));
    assertThat(names).anyMatch(n -> n.chars().anyMatch(c -> c > 0x3000));
    assertThat(DEFAULT.costCenters()).anyMatch(c -> !c.active());

    Instant tie = DEFAULT.purchaseOrderTieSecond();
    long tied =
        DEFAULT
            .purchaseOrders()
            .mapToLong(
                po ->
                    (po.modified().equals(tie) ? 1 : 0)
                        + po.lines().stream().filter(l -> l.modified().equals(tie)).count())
            .sum();
    assertThat(tied).isGreaterThan(300);
    Map<Instant, Long> supplierSeconds =
        DEFAULT.suppliers().stream()
            .collect(Collectors.groupingBy(Supplier::modified, Collectors.counting()));
    assertThat(supplierSeconds.values()).anyMatch(count -> count >= 50);
  }

  @Test
  void scalesByPercentAndByTargetRecordCount() {
    SeedData small = SeedData.generate(1L, 10);
    assertThat(small.purchaseOrderCount()).isEqualTo(500);
    assertThat(small.suppliers()).hasSize(30);
    long exact = small.countRecords();
    assertThat((double) exact / small.size().estimatedRecordCount()).isBetween(0.95, 1.05);

    SeedData million = SeedData.withRecordCount(1L, 1_000_000);
    assertThat(million.size().estimatedRecordCount()).isBetween(990_000L, 1_000_000L);
    // lazily generated: reaching the last PO does not build the ones before it
    PurchaseOrder last = million.purchaseOrder(million.purchaseOrderCount() - 1);
    assertThat(last.number())
        .isEqualTo(million.purchaseOrderNumbers().get(million.purchaseOrderCount() - 1));
  }
}

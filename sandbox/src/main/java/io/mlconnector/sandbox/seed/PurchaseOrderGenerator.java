package io.mlconnector.sandbox.seed;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Builds PO number {@code index} on demand from (seed, index) alone, so a million-record data set
 * can be streamed without holding it and any single PO can be regenerated identically.
 */
final class PurchaseOrderGenerator {
  private static final Instant HISTORY_START = SeedData.ANCHOR.minus(Duration.ofDays(400));
  private static final long HISTORY_SECONDS = Duration.ofDays(365).toSeconds();
  private static final String[] SITES = {"10-100", "10-100", "10-200"};
  private static final String[] BUYERS = {"jsmith", "mgarcia", "lchen", "akowalski"};

  private final long seed;
  private final int count;
  private final List<Supplier> suppliers;
  private final List<String> expenseAccounts;
  private final List<String> activeCostCenters;
  private final List<String> subAccounts;
  private final List<String> activeProjects;
  private final int tieFrom;
  private final int tieTo;
  private final Instant tieSecond;

  PurchaseOrderGenerator(long seed, int count, SeedData reference) {
    this.seed = seed;
    this.count = count;
    this.suppliers = reference.suppliers();
    this.expenseAccounts =
        reference.glAccounts().stream()
            .filter(a -> a.active() && a.type().equals("E"))
            .map(GlAccount::code)
            .toList();
    this.activeCostCenters =
        reference.costCenters().stream().filter(CostCenter::active).map(CostCenter::code).toList();
    this.subAccounts = reference.subAccounts().stream().map(SubAccount::code).toList();
    this.activeProjects =
        reference.projects().stream().filter(Project::active).map(Project::code).toList();
    // A nightly mass update touched a run of POs in one second: hundreds of header and line rows
    // share that modified time, which is what breaks a "> last second" cursor.
    this.tieFrom = count / 2;
    this.tieTo = Math.min(count, tieFrom + Math.max(1, Math.min(100, count / 20)));
    this.tieSecond = orderedAt(Math.max(tieFrom, tieTo - 1)).plus(Duration.ofHours(1));
  }

  static String number(int index) {
    return String.format("P%07d", index + 1);
  }

  boolean sharesTieSecond(int index) {
    return index >= tieFrom && index < tieTo;
  }

  Instant tieSecond() {
    return tieSecond;
  }

  PurchaseOrder generate(int index) {
    SplittableRandom random = new SplittableRandom(mix(seed, index));
    Supplier supplier = suppliers.get(random.nextInt(suppliers.size()));
    Instant ordered = orderedAt(index);
    Instant modified = sharesTieSecond(index) ? tieSecond : ordered;
    LocalDate orderDate = LocalDate.ofInstant(ordered, ZoneOffset.UTC);
    String site = SITES[random.nextInt(SITES.length)];
    String project = random.nextInt(10) < 2 ? SeedNames.pick(activeProjects, random) : "";
    int lineCount = 1 + random.nextInt(10);
    List<PurchaseOrderLine> lines = new ArrayList<>(lineCount);
    List<GoodsReceipt> receipts = new ArrayList<>();
    for (int line = 1; line <= lineCount; line++) {
      int item = SeedNames.itemIndex(random);
      BigDecimal qty = BigDecimal.valueOf(1 + random.nextInt(500));
      BigDecimal cost =
          BigDecimal.valueOf(50 + random.nextInt(250_000)).movePointLeft(2).setScale(2);
      List<BigDecimal> deliveries = deliveries(qty, random);
      BigDecimal received = deliveries.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
      String part = String.format("P-%05d", 10_000 + item * 37 + random.nextInt(30));
      lines.add(
          new PurchaseOrderLine(
              number(index),
              line,
              part,
              SeedNames.item(item),
              qty,
              received,
              cost,
              SeedNames.unitOfMeasure(item),
              site,
              SeedNames.pick(expenseAccounts, random),
              SeedNames.pick(subAccounts, random),
              SeedNames.pick(activeCostCenters, random),
              project,
              received.compareTo(qty) >= 0 ? "c" : "",
              orderDate.plusDays(7 + random.nextInt(54)),
              modified));
      for (int d = 0; d < deliveries.size(); d++) {
        Instant at = ordered.plus(Duration.ofDays(3L + 12L * d + random.nextInt(10)));
        receipts.add(
            new GoodsReceipt(
                String.format("R%07d%d", index + 1, d + 1),
                number(index),
                line,
                part,
                deliveries.get(d),
                LocalDate.ofInstant(at, ZoneOffset.UTC),
                cost,
                supplier.code(),
                site,
                SeedNames.unitOfMeasure(item),
                supplier.currency(),
                at));
      }
    }
    boolean closed = lines.stream().allMatch(l -> l.status().equals("c"));
    String buyer = BUYERS[random.nextInt(BUYERS.length)];
    return new PurchaseOrder(
        number(index),
        supplier.code(),
        orderDate,
        supplier.currency(),
        closed ? "c" : "",
        site,
        buyer,
        project,
        modified,
        lines,
        receipts);
  }

  /** 15% not received, 64% in full, 13% partly, 8% in two deliveries summing to the order. */
  private static List<BigDecimal> deliveries(BigDecimal ordered, SplittableRandom random) {
    int roll = random.nextInt(100);
    if (roll < 15) {
      return List.of();
    }
    if (roll < 79 || ordered.intValue() < 2) {
      return List.of(ordered);
    }
    BigDecimal part =
        ordered
            .multiply(BigDecimal.valueOf(30 + random.nextInt(60)))
            .divide(BigDecimal.valueOf(100), 0, RoundingMode.DOWN)
            .max(BigDecimal.ONE);
    return roll < 92 ? List.of(part) : List.of(part, ordered.subtract(part));
  }

  /** Order times rise with the index, spread over a year, whole seconds. */
  private Instant orderedAt(int index) {
    long offset = count == 0 ? 0 : HISTORY_SECONDS * index / count;
    return HISTORY_START.plusSeconds(offset + 8 * 3600);
  }

  private static long mix(long seed, int index) {
    long z = seed * 0x9E3779B97F4A7C15L + index;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}

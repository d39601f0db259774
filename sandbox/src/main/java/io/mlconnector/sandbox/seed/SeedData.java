package io.mlconnector.sandbox.seed;

import java.time.Instant;
import java.util.AbstractList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Deterministic data of a mid-sized manufacturer: the same seed and size always give the same
 * records, so a test, a demo and a benchmark can refer to the same supplier or PO by its code.
 *
 * <p>Reference data (suppliers, chart of accounts) is held in memory; POs with their lines and
 * receipts are generated lazily from (seed, index), so even a million-record set streams in
 * constant memory. All seeded modified times lie before {@link #ANCHOR}.
 */
public final class SeedData {
  /** Seeded history ends here; anything the simulators change later is newer. */
  public static final Instant ANCHOR = Instant.parse("2025-01-01T00:00:00Z");

  /** The seed the demo and the docs use. */
  public static final long DEFAULT_SEED = 42L;

  private final long seed;
  private final SeedSize size;
  private final List<Supplier> suppliers;
  private final List<GlAccount> glAccounts;
  private final List<CostCenter> costCenters;
  private final List<SubAccount> subAccounts;
  private final List<Project> projects;
  private final PurchaseOrderGenerator orders;

  private SeedData(long seed, SeedSize size) {
    this.seed = seed;
    this.size = size;
    ReferenceDataGenerator reference = new ReferenceDataGenerator(seed);
    this.suppliers = reference.suppliers(size.suppliers());
    this.glAccounts = reference.glAccounts(size.glAccounts());
    this.costCenters = reference.costCenters(size.costCenters());
    this.subAccounts = reference.subAccounts(size.subAccounts());
    this.projects = reference.projects(size.projects());
    this.orders = new PurchaseOrderGenerator(seed, size.purchaseOrders(), this);
  }

  /** The default mid-sized manufacturer (about 58,000 records). */
  public static SeedData generate(long seed) {
    return generate(seed, SeedSize.DEFAULT);
  }

  /** Volume scaled by {@code scalePercent}; 100 is the default size. */
  public static SeedData generate(long seed, int scalePercent) {
    return generate(seed, SeedSize.ofScale(scalePercent));
  }

  public static SeedData generate(long seed, SeedSize size) {
    return new SeedData(seed, size);
  }

  /** About {@code records} records in total, e.g. 1,000,000 for a benchmark. */
  public static SeedData withRecordCount(long seed, long records) {
    return generate(seed, SeedSize.ofRecordCount(records));
  }

  public long seed() {
    return seed;
  }

  public SeedSize size() {
    return size;
  }

  public List<Supplier> suppliers() {
    return suppliers;
  }

  public List<GlAccount> glAccounts() {
    return glAccounts;
  }

  public List<CostCenter> costCenters() {
    return costCenters;
  }

  public List<SubAccount> subAccounts() {
    return subAccounts;
  }

  public List<Project> projects() {
    return projects;
  }

  public int purchaseOrderCount() {
    return size.purchaseOrders();
  }

  /** PO number {@code index} (0-based), regenerated on each call. */
  public PurchaseOrder purchaseOrder(int index) {
    if (index < 0 || index >= size.purchaseOrders()) {
      throw new IndexOutOfBoundsException(index);
    }
    return orders.generate(index);
  }

  /** All POs in number order, generated as the stream is consumed. */
  public Stream<PurchaseOrder> purchaseOrders() {
    return IntStream.range(0, size.purchaseOrders()).mapToObj(orders::generate);
  }

  /** PO numbers without generating the orders. */
  public List<String> purchaseOrderNumbers() {
    int count = size.purchaseOrders();
    return new AbstractList<>() {
      @Override
      public String get(int index) {
        return PurchaseOrderGenerator.number(index);
      }

      @Override
      public int size() {
        return count;
      }
    };
  }

  /** The one second that a run of PO headers and their lines share (the tie edge case). */
  public Instant purchaseOrderTieSecond() {
    return orders.tieSecond();
  }

  /** Exact number of records (streams every PO once; a few seconds at a million records). */
  public long countRecords() {
    long reference =
        suppliers.size()
            + glAccounts.size()
            + costCenters.size()
            + subAccounts.size()
            + projects.size();
    return reference
        + purchaseOrders().mapToLong(po -> 1L + po.lines().size() + po.receipts().size()).sum();
  }
}

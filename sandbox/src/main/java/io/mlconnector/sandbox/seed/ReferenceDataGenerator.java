package io.mlconnector.sandbox.seed;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Suppliers and the chart of accounts: small, fixed-order lists built once per seed. */
final class ReferenceDataGenerator {
  /** Reference data was last maintained during the year before the PO history starts. */
  private static final Instant MAINTAINED_FROM = SeedData.ANCHOR.minus(Duration.ofDays(500));

  /** A bulk supplier import: this many suppliers share one modified second. */
  static final int SUPPLIER_IMPORT_BATCH = 60;

  private static final String[] CURRENCIES = {
    "USD", "USD", "USD", "USD", "EUR", "USD", "CAD", "MXN"
  };
  private static final String[] TERMS = {"N30", "N45", "N60", "2/10N30"};

  private final SplittableRandom random;

  ReferenceDataGenerator(long seed) {
    this.random = new SplittableRandom(seed);
  }

  List<Supplier> suppliers(int count) {
    Instant importSecond = MAINTAINED_FROM.plus(Duration.ofDays(200));
    List<Supplier> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      boolean imported = i >= 100 && i < 100 + SUPPLIER_IMPORT_BATCH;
      out.add(
          new Supplier(
              String.format("S%05d", i + 1),
              SeedNames.supplierName(i, random),
              CURRENCIES[random.nextInt(CURRENCIES.length)],
              TERMS[random.nextInt(TERMS.length)],
              "2000",
              "0000",
              "",
              random.nextInt(100) < 3,
              imported ? importSecond : maintainedAt(i)));
    }
    return List.copyOf(out);
  }

  /** Codes 1000..8960 step 40; the range decides the type as in a classic QAD chart. */
  List<GlAccount> glAccounts(int count) {
    List<GlAccount> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int code = 1000 + i * 40;
      String type =
          code < 2000 ? "A" : code < 3000 ? "L" : code < 4000 ? "O" : code < 5000 ? "I" : "E";
      boolean active = i % 67 != 66; // a couple of retired accounts
      out.add(
          new GlAccount(
              String.valueOf(code),
              describeAccount(type, code),
              type,
              "USD",
              active,
              maintainedAt(i)));
    }
    return List.copyOf(out);
  }

  /** The last cost center is inactive: a closed plant that old POs may still name. */
  List<CostCenter> costCenters(int count) {
    List<CostCenter> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      boolean closed = i == count - 1;
      String description =
          closed
              ? "Closed: Dayton plant, line 3"
              : i == 1 ? "Qualitätssicherung / Montréal" : "Department " + (100 + i * 10);
      out.add(new CostCenter("CC" + (100 + i * 10), description, !closed, maintainedAt(i + 1000)));
    }
    return List.copyOf(out);
  }

  List<SubAccount> subAccounts(int count) {
    List<SubAccount> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String code = String.format("%04d", i * 100);
      out.add(new SubAccount(code, i == 0 ? "Default" : "Division " + code, true, maintainedAt(i)));
    }
    return List.copyOf(out);
  }

  /** The last project is closed. */
  List<Project> projects(int count) {
    List<Project> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String code = String.format("PRJ%03d", i + 1);
      out.add(new Project(code, "Capex project " + code, i != count - 1, maintainedAt(i + 500)));
    }
    return List.copyOf(out);
  }

  private static Instant maintainedAt(int index) {
    return MAINTAINED_FROM.plus(Duration.ofMinutes(37L * index + 11));
  }

  private static String describeAccount(String type, int code) {
    return switch (type) {
      case "A" -> "Assets " + code;
      case "L" -> code == 2000 ? "Accounts payable, trade" : "Liabilities " + code;
      case "O" -> "Equity " + code;
      case "I" -> "Revenue " + code;
      default -> "Expense " + code;
    };
  }
}

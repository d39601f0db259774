package io.mlconnector.sandbox.seed;

import java.util.List;
import java.util.SplittableRandom;

/** Word lists for plausible supplier names, parts and descriptions. */
final class SeedNames {

  /**
   * Real supplier masters hold names that break naive CSV, encoded queries and JSON handling; the
   * first suppliers always carry them so every seed size exercises those paths.
   */
  static final List<String> AWKWARD_SUPPLIER_NAMES =
      List.of(
          "Müller, Schmidt & Söhne GmbH",
          "Caret^Precision Tools",
          "\"Best\" Bearings Ltd.",
          "O'Neil Plastics, Inc.",
          "東京精密部品株式会社",
          "Señal Eléctrica S.A. de C.V.",
          "ORDERBY^sys_id=1^NQactive=true Supply Co",
          "Łódź Złącza Sp. z o.o. — Automotive Connectors & Harness Division");

  private static final List<String> PREFIXES =
      List.of(
          "Apex",
          "Summit",
          "Keystone",
          "Northern",
          "Pioneer",
          "Atlas",
          "Granite",
          "Liberty",
          "Harbor",
          "Precision",
          "Allied",
          "Midwest",
          "Great Lakes",
          "Pacific",
          "Eagle",
          "Titan",
          "Evergreen",
          "Delta",
          "Frontier",
          "Cardinal");
  private static final List<String> TRADES =
      List.of(
          "Fasteners",
          "Castings",
          "Plastics",
          "Bearings",
          "Steel",
          "Electronics",
          "Packaging",
          "Hydraulics",
          "Coatings",
          "Tooling",
          "Logistics",
          "Chemicals",
          "Machining",
          "Rubber",
          "Controls",
          "Wire & Cable");
  private static final List<String> SUFFIXES =
      List.of("Inc.", "LLC", "Corp.", "Co.", "Ltd.", "GmbH", "S.A.", "Industries");
  private static final List<String> ITEMS =
      List.of(
          "Hex bolt M8x40",
          "Bearing 6204-2RS",
          "Steel sheet 2mm",
          "PCB assembly",
          "O-ring 25mm",
          "Hydraulic hose 1/2\"",
          "Carton 40x30x20",
          "Powder coat, black",
          "Copper wire 2.5mm²",
          "Drill bit 6mm",
          "Pallet wrap",
          "Gasket set",
          "Servo motor 400W",
          "Aluminium bar 6061",
          "Safety gloves (L)",
          "Cutting fluid 20L");
  private static final List<String> UNITS = List.of("EA", "EA", "EA", "KG", "M", "L", "BOX");

  private SeedNames() {}

  static String supplierName(int index, SplittableRandom random) {
    if (index < AWKWARD_SUPPLIER_NAMES.size()) {
      return AWKWARD_SUPPLIER_NAMES.get(index);
    }
    return pick(PREFIXES, random) + " " + pick(TRADES, random) + " " + pick(SUFFIXES, random);
  }

  static int itemIndex(SplittableRandom random) {
    return random.nextInt(ITEMS.size());
  }

  static String item(int index) {
    return ITEMS.get(index);
  }

  static String unitOfMeasure(int itemIndex) {
    return UNITS.get(itemIndex % UNITS.size());
  }

  static <T> T pick(List<T> values, SplittableRandom random) {
    return values.get(random.nextInt(values.size()));
  }
}

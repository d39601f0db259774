package io.mlconnector.sandbox.qad;

import static io.mlconnector.sandbox.qad.QadFieldType.BOOLEAN;
import static io.mlconnector.sandbox.qad.QadFieldType.DATE;
import static io.mlconnector.sandbox.qad.QadFieldType.DECIMAL;
import static io.mlconnector.sandbox.qad.QadFieldType.INTEGER;
import static io.mlconnector.sandbox.qad.QadFieldType.STRING;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The QAD tables the connector reads, with their classic field names. Every table also carries
 * {@value #MODIFIED_FIELD}, a second-precision UTC timestamp the simulator maintains so that a
 * modified-since browse filter works (real instances differ; the browse mapping hides that).
 */
public enum QadEntity {
  SUPPLIER(
      "vd_mstr",
      List.of("vd_addr"),
      Map.of("vd_addr", STRING, "vd_sort", STRING, "vd_curr", STRING, "vd_cr_terms", STRING),
      Map.of("vd_ap_acct", STRING, "vd_ap_sub", STRING, "vd_ap_cc", STRING),
      Map.of("vd_hold", BOOLEAN, "vd_mod_date", DATE)),
  PURCHASE_ORDER(
      "po_mstr",
      List.of("po_nbr"),
      Map.of("po_nbr", STRING, "po_vend", STRING, "po_ord_date", DATE, "po_curr", STRING),
      Map.of("po_stat", STRING, "po_site", STRING, "po_buyer", STRING, "po_project", STRING)),
  PURCHASE_ORDER_LINE(
      "pod_det",
      List.of("pod_nbr", "pod_line"),
      Map.of("pod_nbr", STRING, "pod_line", INTEGER, "pod_part", STRING, "pod_desc", STRING),
      Map.of("pod_qty_ord", DECIMAL, "pod_qty_rcvd", DECIMAL, "pod_pur_cost", DECIMAL),
      Map.of("pod_um", STRING, "pod_site", STRING, "pod_acct", STRING, "pod_sub", STRING),
      Map.of("pod_cc", STRING, "pod_project", STRING, "pod_status", STRING, "pod_due_date", DATE)),
  GOODS_RECEIPT(
      "prh_hist",
      List.of("prh_receiver", "prh_nbr", "prh_line"),
      Map.of("prh_receiver", STRING, "prh_nbr", STRING, "prh_line", INTEGER, "prh_part", STRING),
      Map.of("prh_rcvd", DECIMAL, "prh_rcp_date", DATE, "prh_pur_cost", DECIMAL),
      Map.of("prh_vend", STRING, "prh_site", STRING, "prh_um", STRING, "prh_curr", STRING)),
  GL_ACCOUNT(
      "ac_mstr",
      List.of("ac_code"),
      Map.of("ac_code", STRING, "ac_desc", STRING, "ac_type", STRING),
      Map.of("ac_curr", STRING, "ac_active", BOOLEAN)),
  COST_CENTER(
      "cc_mstr",
      List.of("cc_ctr"),
      Map.of("cc_ctr", STRING, "cc_desc", STRING, "cc_active", BOOLEAN)),
  SUB_ACCOUNT(
      "sb_mstr",
      List.of("sb_sub"),
      Map.of("sb_sub", STRING, "sb_desc", STRING, "sb_active", BOOLEAN)),
  PROJECT(
      "pj_mstr",
      List.of("pj_project"),
      Map.of("pj_project", STRING, "pj_desc", STRING, "pj_active", BOOLEAN));

  /** The simulator's modified-time column, present on every table. */
  public static final String MODIFIED_FIELD = "mod_date";

  private final String table;
  private final List<String> keyFields;
  private final Map<String, QadFieldType> fields;
  private final List<String> fieldNames;
  private final Map<String, Integer> positions = new java.util.HashMap<>();

  @SafeVarargs
  QadEntity(String table, List<String> keyFields, Map<String, QadFieldType>... groups) {
    this.table = table;
    this.keyFields = keyFields;
    // Map.of has no order; the key fields first, the rest alphabetically, then mod_date.
    Map<String, QadFieldType> ordered = new LinkedHashMap<>();
    keyFields.forEach(k -> ordered.put(k, null));
    for (Map<String, QadFieldType> group : groups) {
      group.entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(e -> ordered.put(e.getKey(), e.getValue()));
    }
    ordered.put(MODIFIED_FIELD, QadFieldType.TIMESTAMP);
    this.fields = java.util.Collections.unmodifiableMap(ordered);
    this.fieldNames = List.copyOf(ordered.keySet());
    for (int i = 0; i < fieldNames.size(); i++) {
      positions.put(fieldNames.get(i), i);
    }
  }

  /** Classic table name, e.g. {@code po_mstr}; browse filters may prefix fields with it. */
  public String table() {
    return table;
  }

  public List<String> keyFields() {
    return keyFields;
  }

  /** All field names in a stable order: key fields, the rest, then {@value #MODIFIED_FIELD}. */
  public List<String> fieldNames() {
    return fieldNames;
  }

  public QadFieldType type(String field) {
    QadFieldType type = fields.get(field);
    if (type == null) {
      throw new IllegalArgumentException("unknown field " + field + " on " + table);
    }
    return type;
  }

  public boolean hasField(String field) {
    return fields.containsKey(field);
  }

  /** The field's position in {@link #fieldNames()}, or -1 (a map: every row read asks). */
  public int indexOf(String field) {
    return positions.getOrDefault(field, -1);
  }

  /** Finds the entity by classic table name or enum name, case-insensitively. */
  public static QadEntity of(String name) {
    for (QadEntity e : values()) {
      if (e.table.equalsIgnoreCase(name) || e.name().equalsIgnoreCase(name)) {
        return e;
      }
    }
    throw new IllegalArgumentException("unknown QAD entity " + name);
  }
}

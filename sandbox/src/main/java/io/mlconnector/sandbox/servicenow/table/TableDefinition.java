package io.mlconnector.sandbox.servicenow.table;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One table's shape: business columns with their type ({@code string}, {@code integer}, {@code
 * decimal}, {@code boolean}, {@code glide_date}, {@code glide_date_time} or {@code
 * reference:<table>}), the roles that may use it (any one suffices) and how a denied read looks.
 */
public record TableDefinition(
    String name,
    Map<String, String> columns,
    List<String> requiredRoles,
    AclDenial denial,
    String description) {

  /** Columns ServiceNow adds to every table. */
  public static final List<String> SYSTEM_COLUMNS =
      List.of(
          "sys_id",
          "sys_created_on",
          "sys_created_by",
          "sys_updated_on",
          "sys_updated_by",
          "sys_mod_count");

  /** System columns first, then business columns in configuration order. */
  public Map<String, String> allColumns() {
    Map<String, String> all = new LinkedHashMap<>();
    SYSTEM_COLUMNS.forEach(c -> all.put(c, c.endsWith("_on") ? "glide_date_time" : "string"));
    all.put("sys_mod_count", "integer");
    all.putAll(columns);
    return all;
  }

  public Set<String> fieldNames() {
    return allColumns().keySet();
  }

  public Set<String> numericFields() {
    return allColumns().entrySet().stream()
        .filter(e -> e.getValue().equals("integer") || e.getValue().equals("decimal"))
        .map(Map.Entry::getKey)
        .collect(Collectors.toSet());
  }

  /** Target table of a reference column, or null for plain columns. */
  public String referencedTable(String column) {
    String type = columns.get(column);
    return type != null && type.startsWith("reference:") ? type.substring(10) : null;
  }

  /** A copy with other roles or denial mode, for per-instance ACL changes. */
  public TableDefinition withAcl(List<String> roles, AclDenial newDenial) {
    return new TableDefinition(name, columns, List.copyOf(roles), newDenial, description);
  }
}

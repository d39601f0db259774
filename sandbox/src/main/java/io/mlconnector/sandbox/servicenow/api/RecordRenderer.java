package io.mlconnector.sandbox.servicenow.api;

import io.mlconnector.sandbox.servicenow.table.TableDefinition;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a stored row as the Table API does with {@code sysparm_display_value=false}: every value
 * a string, a filled reference as {@code {"link","value"}} unless {@code
 * sysparm_exclude_reference_link=true}, only {@code sysparm_fields} when given.
 */
public final class RecordRenderer {
  private final String instanceUrl;

  public RecordRenderer(String instanceUrl) {
    this.instanceUrl = instanceUrl;
  }

  public Map<String, Object> render(
      TableDefinition table, Map<String, String> row, String fields, boolean excludeLinks) {
    List<String> names =
        fields == null || fields.isBlank()
            ? List.copyOf(row.keySet())
            : Arrays.stream(fields.split(",")).map(String::trim).filter(row::containsKey).toList();
    Map<String, Object> out = new LinkedHashMap<>();
    for (String name : names) {
      String value = row.get(name);
      String target = table.referencedTable(name);
      if (target != null && !value.isEmpty() && !excludeLinks) {
        Map<String, String> ref = new LinkedHashMap<>();
        ref.put("link", recordUrl(target, value));
        ref.put("value", value);
        out.put(name, ref);
      } else {
        out.put(name, value);
      }
    }
    return out;
  }

  public String recordUrl(String table, String sysId) {
    return instanceUrl + "/api/now/table/" + table + "/" + sysId;
  }
}

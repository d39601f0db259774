package io.mlconnector.mapper.staging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How one QAD entity becomes a row of one ServiceNow staging table.
 *
 * @param key business part of the Kafka key (the PO number for the whole PO family)
 * @param externalId the QAD external id written to {@code u_external_id}
 * @param required QAD fields that must be present and non-blank
 */
record StagingMapping(
    String table,
    ValueTemplate key,
    ValueTemplate externalId,
    List<String> required,
    Map<String, ValueTemplate> columns) {

  /** A copy with the tenant's overrides applied ({@code table}, {@code columns.<column>}). */
  StagingMapping withOverrides(Map<String, String> overrides) {
    if (overrides.isEmpty()) {
      return this;
    }
    Map<String, ValueTemplate> merged = new LinkedHashMap<>(columns);
    String newTable = table;
    for (Map.Entry<String, String> o : overrides.entrySet()) {
      if (o.getKey().equals("table")) {
        newTable = o.getValue();
      } else if (o.getKey().startsWith("columns.")) {
        merged.put(o.getKey().substring("columns.".length()), ValueTemplate.parse(o.getValue()));
      } else {
        throw new IllegalArgumentException(
            "unknown mapping override '" + o.getKey() + "' (use table or columns.<column>)");
      }
    }
    return new StagingMapping(newTable, key, externalId, required, Map.copyOf(merged));
  }
}

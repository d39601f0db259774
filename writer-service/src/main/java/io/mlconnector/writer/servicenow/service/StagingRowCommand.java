package io.mlconnector.writer.servicenow.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.snclient.http.InstancePaths;
import io.mlconnector.snclient.query.EncodedQuery;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The payload of an {@code sn.upsert} command: put {@code row} into staging table {@code table},
 * identified by {@code externalId} in column {@code externalIdField}.
 */
public record StagingRowCommand(
    String table, String externalIdField, String externalId, Map<String, String> row) {
  private static final Pattern COLUMN = Pattern.compile("[a-z][a-z0-9_]{0,79}");

  /** Thrown for a command the writer cannot act on; the record is parked with this reason. */
  public static final class InvalidCommandException extends IllegalArgumentException {
    InvalidCommandException(String message) {
      super(message);
    }
  }

  public static StagingRowCommand parse(JsonNode payload) {
    String table = text(payload, "table");
    String field = text(payload, "externalIdField");
    String externalId = text(payload, "externalId");
    try {
      InstancePaths.checkTable(table);
    } catch (IllegalArgumentException e) {
      throw new InvalidCommandException("sn.upsert names an invalid staging table: " + table);
    }
    if (EncodedQuery.isScript(externalId)) {
      // ServiceNow evaluates such a query value as a server-side script: never send it.
      throw new InvalidCommandException(
          "sn.upsert externalId starts with 'javascript:', which ServiceNow would run as a script"
              + " in the lookup query; refused, nothing sent");
    }
    if (!COLUMN.matcher(field).matches()) {
      throw new InvalidCommandException("sn.upsert names an invalid external id column: " + field);
    }
    JsonNode row = payload.path("row");
    if (!row.isObject()) {
      throw new InvalidCommandException("sn.upsert has no 'row' object");
    }
    Map<String, String> values = new LinkedHashMap<>();
    var fields = row.fields();
    while (fields.hasNext()) {
      var e = fields.next();
      if (!COLUMN.matcher(e.getKey()).matches()) {
        throw new InvalidCommandException("row column '" + e.getKey() + "' is not a column name");
      }
      if (e.getValue().isContainerNode()) {
        throw new InvalidCommandException("row column '" + e.getKey() + "' is not a plain value");
      }
      values.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText());
    }
    String inRow = values.get(field);
    if (inRow != null && !inRow.equals(externalId)) {
      throw new InvalidCommandException(
          "row column " + field + "='" + inRow + "' differs from externalId '" + externalId + "'");
    }
    return new StagingRowCommand(table, field, externalId, values);
  }

  /**
   * The row as written to ServiceNow: the external id column holds the query-safe form of the id
   * (see {@link QuerySafeExternalId}), every other column as given.
   */
  public Map<String, String> rowForServiceNow() {
    Map<String, String> out = new LinkedHashMap<>(row);
    out.put(externalIdField, QuerySafeExternalId.of(externalId));
    return out;
  }

  private static String text(JsonNode payload, String field) {
    JsonNode v = payload.path(field);
    if (!v.isTextual() || v.asText().isEmpty()) {
      throw new InvalidCommandException("sn.upsert payload has no '" + field + "'");
    }
    return v.asText();
  }
}

package io.mlconnector.snclient.model;

import java.util.Map;
import java.util.Objects;

/**
 * One insert or update inside a Batch API call.
 *
 * @param id caller's id for the item, unique within the batch; results carry it back
 * @param sysId the record to update, null for an insert
 */
public record BatchWrite(String id, String table, String sysId, Map<String, String> values) {
  public BatchWrite {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(table, "table");
    values = Map.copyOf(values);
  }

  public static BatchWrite insert(String id, String table, Map<String, String> values) {
    return new BatchWrite(id, table, null, values);
  }

  public static BatchWrite update(
      String id, String table, String sysId, Map<String, String> values) {
    return new BatchWrite(id, table, Objects.requireNonNull(sysId, "sysId"), values);
  }

  public boolean isInsert() {
    return sysId == null;
  }
}

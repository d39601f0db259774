package io.mlconnector.snclient.model;

import java.util.Map;

/**
 * One row as ServiceNow returns it: every value a string (references as their {@code sys_id}, the
 * client always asks for {@code sysparm_exclude_reference_link=true}).
 */
public record ServiceNowRecord(Map<String, String> values) {
  public ServiceNowRecord {
    values = Map.copyOf(values);
  }

  public String sysId() {
    return values.get("sys_id");
  }

  /** The value of a column, or null when the column was not returned. */
  public String get(String column) {
    return values.get(column);
  }
}

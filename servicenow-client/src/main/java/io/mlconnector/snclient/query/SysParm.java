package io.mlconnector.snclient.query;

/** Every Table API {@code sysparm_*} parameter the connector uses, in one place. */
public enum SysParm {
  QUERY("sysparm_query"),
  FIELDS("sysparm_fields"),
  LIMIT("sysparm_limit"),
  OFFSET("sysparm_offset"),
  DISPLAY_VALUE("sysparm_display_value"),
  EXCLUDE_REFERENCE_LINK("sysparm_exclude_reference_link"),
  NO_COUNT("sysparm_no_count"),
  SUPPRESS_PAGINATION_HEADER("sysparm_suppress_pagination_header");

  private final String parameterName;

  SysParm(String parameterName) {
    this.parameterName = parameterName;
  }

  public String parameterName() {
    return parameterName;
  }
}

package io.mlconnector.common.event;

/** The system a record or command comes from. */
public enum SourceSystem {
  QAD,
  SERVICENOW,
  /** Events the connector itself produces: commands, parked records. */
  CONNECTOR
}

package io.mlconnector.console.ping.report;

/** The system a ping check talked to. */
public enum PingSystem {
  QAD,
  SERVICENOW
}

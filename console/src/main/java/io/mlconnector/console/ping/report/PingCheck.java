package io.mlconnector.console.ping.report;

/**
 * One thing the onboarding ping tried against a tenant's system and what came of it.
 *
 * @param name stable id of the check, e.g. {@code servicenow.table.cmn_cost_center.read}
 * @param tried what was done: method and path, never a secret
 * @param fix what a person should do; null when the check passed
 * @param detail what the system answered, in words
 */
public record PingCheck(
    String name, PingSystem system, PingStatus status, String tried, String fix, String detail) {

  public static PingCheck passed(String name, PingSystem system, String tried, String detail) {
    return new PingCheck(name, system, PingStatus.PASSED, tried, null, detail);
  }

  public static PingCheck warning(
      String name, PingSystem system, String tried, String fix, String detail) {
    return new PingCheck(name, system, PingStatus.WARNING, tried, fix, detail);
  }

  public static PingCheck failed(
      String name, PingSystem system, String tried, String fix, String detail) {
    return new PingCheck(name, system, PingStatus.FAILED, tried, fix, detail);
  }
}

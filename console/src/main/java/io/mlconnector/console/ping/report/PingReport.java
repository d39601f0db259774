package io.mlconnector.console.ping.report;

import java.time.Instant;
import java.util.List;

/**
 * The onboarding ping's answer: every check, in the order it ran (URLs, QAD, ServiceNow).
 *
 * @param ready no check FAILED (warnings allowed)
 * @param summary counts per status, for a person reading the JSON in a terminal
 */
public record PingReport(
    String tenant, boolean ready, String summary, Instant checkedAt, List<PingCheck> checks) {

  public static PingReport of(String tenant, Instant checkedAt, List<PingCheck> checks) {
    long passed = count(checks, PingStatus.PASSED);
    long warnings = count(checks, PingStatus.WARNING);
    long failed = count(checks, PingStatus.FAILED);
    String summary = passed + " passed, " + warnings + " warning(s), " + failed + " failed";
    return new PingReport(tenant, failed == 0, summary, checkedAt, List.copyOf(checks));
  }

  private static long count(List<PingCheck> checks, PingStatus status) {
    return checks.stream().filter(c -> c.status() == status).count();
  }
}

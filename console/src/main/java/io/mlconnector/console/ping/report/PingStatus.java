package io.mlconnector.console.ping.report;

/**
 * Outcome of one check. WARNING: it worked, but the answer looks like a missing role or ACL that
 * ServiceNow hides behind an empty result; it does not make the tenant unready.
 */
public enum PingStatus {
  PASSED,
  WARNING,
  FAILED
}

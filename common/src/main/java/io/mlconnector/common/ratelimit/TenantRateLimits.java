package io.mlconnector.common.ratelimit;

import java.time.Duration;

/**
 * Rate limits belong to the tenant's instance, not to one process: ServiceNow counts requests per
 * integration user, whichever service sends them. Both external clients ask before every HTTP call
 * and report every 429, so what one service learns holds for every service of the fleet.
 *
 * <p>{@link SharedRateLimits} keeps this in the database (the fleet-wide implementation every
 * service gets as a CDI bean); {@link LocalRateLimits} keeps it in memory, for tools and tests
 * without a database.
 */
public interface TenantRateLimits {
  /** System names, as stored. */
  String QAD = "qad";

  String SERVICENOW = "servicenow";

  /**
   * Asked right before each call to {@code tenant}'s {@code system}. Zero: call now (a request of
   * the tenant's budget, if it has one, was taken). Otherwise wait that long, then call: the
   * instance asked the fleet to pause (a 429's {@code Retry-After}) or the budget promised this
   * call a later turn.
   */
  Duration beforeCall(String tenant, String system);

  /**
   * The instance answered 429 asking for {@code wait}: no process of the fleet calls it before
   * then. A shorter pause never replaces a longer one already recorded.
   */
  void throttled(String tenant, String system, Duration wait);

  /** Limits known to this process only. */
  static TenantRateLimits local() {
    return new LocalRateLimits(RequestBudgets.NONE, java.time.Clock.systemUTC());
  }
}

package io.mlconnector.common.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalDouble;

/** The fleet's shared rate limits ({@code mlc.rate-limit.*}); set the same in every service. */
@ConfigMapping(prefix = "mlc.rate-limit")
public interface RateLimitConfig {
  /**
   * Request budgets per system ({@code qad}, {@code servicenow}), e.g. {@code
   * mlc.rate-limit.budget.servicenow.per-second=20}. No entry: no budget, only 429s pause calls.
   */
  Map<String, Budget> budget();

  /**
   * How long this process trusts "not throttled" before asking the database again. Zero (the
   * default) asks before every call, so a 429 seen by one service stops every other at once; longer
   * saves reads at the price of calls sent during that time after another service's 429.
   */
  @WithDefault("0s")
  Duration recheckAfter();

  /** One system's budget. */
  interface Budget {
    /** Requests per second for every tenant of this system, fleet-wide. */
    OptionalDouble perSecond();

    /** Requests that may go out at once after a quiet time; default one second's worth. */
    OptionalDouble burst();

    /** Per-tenant rates that replace {@code per-second}, e.g. {@code ...tenants.acme=5}. */
    Map<String, Double> tenants();
  }
}

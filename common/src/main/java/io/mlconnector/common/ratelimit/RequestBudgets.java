package io.mlconnector.common.ratelimit;

import java.util.Map;
import java.util.Optional;

/**
 * The configured request budgets: per system a rate for every tenant, overridable per tenant. A
 * budget is a token bucket of {@code burst} requests refilled at {@code perSecond}.
 */
public record RequestBudgets(Map<String, RateLimitConfig.Budget> bySystem) {
  public static final RequestBudgets NONE = new RequestBudgets(Map.of());

  /** One tenant's budget at one system. */
  public record Budget(double perSecond, double burst) {}

  public Optional<Budget> of(String tenant, String system) {
    RateLimitConfig.Budget b = bySystem.get(system);
    if (b == null) {
      return Optional.empty();
    }
    Double rate = b.tenants().get(tenant);
    if (rate == null && b.perSecond().isPresent()) {
      rate = b.perSecond().getAsDouble();
    }
    if (rate == null || rate <= 0) {
      return Optional.empty();
    }
    double burst = b.burst().isPresent() ? b.burst().getAsDouble() : rate;
    return Optional.of(new Budget(rate, Math.max(1, burst)));
  }
}

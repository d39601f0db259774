package io.mlconnector.console.status;

import java.util.List;
import java.util.Map;

/**
 * One tenant's figures, the body of {@code GET /status/{tenant}}.
 *
 * @param health {@code OK}; {@code ATTENTION} (open parkings, failed invoices or an error in the
 *     last hour, or an open circuit breaker); {@code NOT_POLLED} (enabled, no cursor yet); {@code
 *     DISABLED}
 * @param behind records behind per consumer group and topic (from the backlog's keys)
 * @param lagCapped true when a backlog was larger than the scan limit: {@code behind} is a lower
 *     bound
 * @param invoices the writer's invoices per status
 * @param breakers per system ({@code qad}, {@code servicenow}) the worst circuit breaker across the
 *     services that call it; a system no service has called yet is absent
 */
public record TenantStatus(
    String tenant,
    String displayName,
    boolean enabled,
    String health,
    List<PollPositions.Position> entities,
    Map<String, Map<String, Long>> behind,
    boolean lagCapped,
    String lagError,
    long parked,
    Map<String, Long> invoices,
    Map<String, BreakerStates.Breaker> breakers,
    List<StageActivity.StageCount> stages,
    StageActivity.LastError lastError) {

  static String health(
      boolean enabled,
      boolean polled,
      long parked,
      Map<String, Long> invoices,
      StageActivity.LastError lastError,
      java.time.OffsetDateTime hourAgo,
      Map<String, BreakerStates.Breaker> breakers) {
    if (!enabled) {
      return "DISABLED";
    }
    boolean recentError = lastError != null && lastError.at().isAfter(hourAgo);
    boolean breakerOpen = breakers.values().stream().anyMatch(b -> "OPEN".equals(b.state()));
    if (parked > 0 || invoices.getOrDefault("FAILED", 0L) > 0 || recentError || breakerOpen) {
      return "ATTENTION";
    }
    return polled ? "OK" : "NOT_POLLED";
  }
}

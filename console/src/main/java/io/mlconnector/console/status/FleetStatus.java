package io.mlconnector.console.status;

import io.mlconnector.console.parked.ParkedStore;
import io.mlconnector.console.tenant.store.TenantRow;
import io.mlconnector.console.tenant.store.TenantStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * Gathers the fleet's state per tenant from what the services already publish: cursors, audit
 * trails and the invoice ledger in the shared database (each service's own schema, read-only),
 * circuit breakers from {@code mlc_fleet.breaker_state}, consumer offsets from Kafka, parkings from
 * the console's {@code parked_record}. Nothing is asked of the services over HTTP, so a stopped
 * service shows its last published state, not an error.
 */
@ApplicationScoped
public class FleetStatus {
  private static final Logger LOG = Logger.getLogger(FleetStatus.class);

  private final TenantStore tenants;
  private final PollPositions positions;
  private final StageActivity activity;
  private final InvoiceQueue invoices;
  private final ConsumerLag lag;
  private final ParkedStore parked;
  private final BreakerStates breakers;

  public FleetStatus(
      TenantStore tenants,
      PollPositions positions,
      StageActivity activity,
      InvoiceQueue invoices,
      ConsumerLag lag,
      ParkedStore parked,
      BreakerStates breakers) {
    this.tenants = tenants;
    this.positions = positions;
    this.activity = activity;
    this.invoices = invoices;
    this.lag = lag;
    this.parked = parked;
    this.breakers = breakers;
  }

  /** Every registered tenant's figures (or only {@code only}, when not null), by id. */
  public List<TenantStatus> of(String only) {
    List<PollPositions.Position> cursors = positions.all();
    List<StageActivity.StageCount> counts = activity.counts();
    List<StageActivity.LastError> errors = activity.lastErrors();
    Map<String, Map<String, Long>> invoiceCounts = invoices.counts();
    Map<String, Long> parkedCounts = parked.openCounts();
    Map<String, Map<String, BreakerStates.Breaker>> breakerStates = breakers.all();
    Map<String, Map<String, Map<String, Long>>> behind = new TreeMap<>();
    boolean capped = false;
    String lagError = null;
    try {
      for (ConsumerLag.GroupLag g : lag.fleet(only)) {
        capped |= g.capped();
        g.byTenant()
            .forEach(
                (t, topics) ->
                    behind.computeIfAbsent(t, x -> new TreeMap<>()).put(g.group(), topics));
      }
    } catch (Exception e) {
      // Kafka away: the database figures still help; the page says why the lag is missing.
      LOG.warnf("consumer lag not available: %s", e.toString());
      lagError = "Kafka not reachable: " + e.getClass().getSimpleName();
    }
    OffsetDateTime hourAgo = OffsetDateTime.now().minusHours(1);
    List<TenantStatus> out = new ArrayList<>();
    for (TenantRow t : tenants.findAll()) {
      if (only != null && !only.equals(t.id())) {
        continue;
      }
      List<PollPositions.Position> cursorsOf =
          cursors.stream().filter(p -> p.tenant().equals(t.id())).toList();
      StageActivity.LastError error =
          errors.stream()
              .filter(e -> e.tenant().equals(t.id()))
              .max((a, b) -> a.at().compareTo(b.at()))
              .orElse(null);
      long open = parkedCounts.getOrDefault(t.id(), 0L);
      Map<String, Long> inv = invoiceCounts.getOrDefault(t.id(), Map.of());
      Map<String, BreakerStates.Breaker> ownBreakers = breakerStates.getOrDefault(t.id(), Map.of());
      out.add(
          new TenantStatus(
              t.id(),
              t.displayName(),
              t.enabled(),
              TenantStatus.health(
                  t.enabled(), !cursorsOf.isEmpty(), open, inv, error, hourAgo, ownBreakers),
              cursorsOf,
              behind.getOrDefault(t.id(), Map.of()),
              capped,
              lagError,
              open,
              inv,
              ownBreakers,
              counts.stream().filter(c -> c.tenant().equals(t.id())).toList(),
              error));
    }
    return out;
  }
}

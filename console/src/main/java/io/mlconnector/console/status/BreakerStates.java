package io.mlconnector.console.status;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * The circuit breakers the services publish (common's {@code SharedBreakerBoard}, table {@code
 * mlc_fleet.breaker_state}, one row per tenant, system and service), read-only: per tenant and
 * system the worst state across services, with the service it comes from.
 */
@ApplicationScoped
public class BreakerStates {
  /**
   * One system's breaker as the fleet sees it.
   *
   * @param state {@code CLOSED}, {@code HALF_OPEN} (a trial call is out, or the open time is over
   *     and the next call is the trial) or {@code OPEN} (calls fail at once until {@code
   *     openUntil})
   * @param service the service whose breaker is in that state (the first by name on a tie)
   * @param since when that breaker entered its state
   * @param lastFailure that breaker's latest failure
   * @param services every service's state, by service name
   */
  public record Breaker(
      String state,
      String service,
      OffsetDateTime since,
      String lastFailure,
      OffsetDateTime openUntil,
      Map<String, String> services) {}

  private static final List<String> ORDER = List.of("CLOSED", "HALF_OPEN", "OPEN");

  // An open breaker whose open time is over lets the next call through: show it as half-open.
  private static final String SQL =
      "select tenant, system, service, case when state = 'OPEN' and open_until <="
          + " clock_timestamp() then 'HALF_OPEN' else state end, since, last_failure, open_until"
          + " from mlc_fleet.breaker_state order by tenant, system, service";

  private final DataSource dataSource;

  public BreakerStates(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Per tenant, per system ({@code qad}, {@code servicenow}): the worst breaker. */
  public Map<String, Map<String, Breaker>> all() {
    Map<String, Map<String, Breaker>> out = new TreeMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(SQL);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        String state = rs.getString(4);
        Map<String, Breaker> systems = out.computeIfAbsent(rs.getString(1), t -> new TreeMap<>());
        Breaker known = systems.get(rs.getString(2));
        Map<String, String> services = known == null ? new TreeMap<>() : known.services();
        services.put(rs.getString(3), state);
        if (known == null || ORDER.indexOf(state) > ORDER.indexOf(known.state())) {
          known =
              new Breaker(
                  state,
                  rs.getString(3),
                  rs.getObject(5, OffsetDateTime.class),
                  rs.getString(6),
                  rs.getObject(7, OffsetDateTime.class),
                  services);
        }
        systems.put(rs.getString(2), known);
      }
    } catch (SQLException e) {
      if (!Schemas.isMissingTable(e)) {
        throw new IllegalStateException("cannot read the circuit breakers", e);
      }
    }
    return out;
  }
}

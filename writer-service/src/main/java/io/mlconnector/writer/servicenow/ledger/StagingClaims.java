package io.mlconnector.writer.servicenow.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Claims (tenant, staging table, external id)s for the time of one poll's lookup-and-write, across
 * threads and writer instances: PostgreSQL session advisory locks on a connection of their own,
 * taken in sorted order (no deadlock between two overlapping chunks) and all released afterwards. A
 * second writer that got the same records after a rebalance waits, then its lookup finds the rows
 * the first one inserted, so it updates or skips instead of inserting again.
 */
@ApplicationScoped
public class StagingClaims {
  private final DataSource dataSource;

  public StagingClaims(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public <T> T withClaims(
      String tenant, String table, Collection<String> externalIds, Supplier<T> work) {
    return withClaims(tenant, Map.of(table, externalIds), work);
  }

  /** Claims external ids of several tables of one tenant at once (one poll's rows). */
  public <T> T withClaims(
      String tenant, Map<String, ? extends Collection<String>> idsByTable, Supplier<T> work) {
    List<String> scopes = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    idsByTable.forEach(
        (table, tableIds) ->
            tableIds.forEach(
                id -> {
                  scopes.add(tenant + "|" + table);
                  ids.add(id);
                }));
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "select count(pg_advisory_lock(hashtext(scope), hashtext(id))) from"
                  + " (select scope, id from unnest(?::text[], ?::text[]) k(scope, id)"
                  + " order by scope, id) ids")) {
        ps.setArray(1, c.createArrayOf("text", scopes.toArray()));
        ps.setArray(2, c.createArrayOf("text", ids.toArray()));
        ps.executeQuery().close();
      }
      try {
        return work.get();
      } finally {
        try (PreparedStatement ps = c.prepareStatement("select pg_advisory_unlock_all()")) {
          ps.executeQuery().close();
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot claim staging rows of " + idsByTable.keySet(), e);
    }
  }
}

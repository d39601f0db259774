package io.mlconnector.writer.deferral;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * One replayer per (lane, tenant) across writer instances: a PostgreSQL session advisory lock,
 * tried (never waited for) on a connection of its own and held while the queue is replayed, so two
 * instances never replay one tenant's queue side by side and out of order.
 */
@ApplicationScoped
public class ReplayLock {
  private final DataSource dataSource;

  public ReplayLock(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Runs {@code work} if nobody else replays this queue; returns false otherwise. */
  public boolean tryWith(String lane, String tenant, Runnable work) {
    try (Connection c = dataSource.getConnection()) {
      if (!call(c, "select pg_try_advisory_lock(hashtext(?), hashtext(?))", lane, tenant)) {
        return false;
      }
      try {
        work.run();
        return true;
      } finally {
        call(c, "select pg_advisory_unlock(hashtext(?), hashtext(?))", lane, tenant);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot lock the deferred queue of " + tenant, e);
    }
  }

  private static boolean call(Connection c, String sql, String lane, String tenant)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, "deferred|" + lane);
      ps.setString(2, tenant);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }
}

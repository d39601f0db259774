package io.mlconnector.stack;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Test-side access to a service's tables, as {@link TopicProbe} is to the broker: write state the
 * way another service would, count what a service wrote. Arguments are bound in order.
 */
public final class SqlProbe {
  private SqlProbe() {}

  /** Runs an insert, update or delete; returns how many rows it changed. */
  public static int update(DataSource dataSource, String sql, Object... args) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = bound(c, sql, args)) {
      return ps.executeUpdate();
    }
  }

  /** The number a {@code select count(*) …} answers. */
  public static long count(DataSource dataSource, String sql, Object... args) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = bound(c, sql, args);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static PreparedStatement bound(Connection c, String sql, Object... args)
      throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    try {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      return ps;
    } catch (SQLException e) {
      ps.close();
      throw e;
    }
  }
}

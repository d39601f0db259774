package io.mlconnector.writer.qad.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * One worker per invoice at a time, across threads (command consumer, receipt consumer, recheck)
 * and writer instances: a PostgreSQL session advisory lock on (tenant, sys_id), held on its own
 * connection while the invoice is processed.
 */
@ApplicationScoped
public class InvoiceLocks {
  private final DataSource dataSource;

  public InvoiceLocks(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public <T> T withLock(String tenant, String sysId, Supplier<T> work) {
    try (Connection c = dataSource.getConnection()) {
      call(c, "select pg_advisory_lock(hashtext(?), hashtext(?))", tenant, sysId);
      try {
        return work.get();
      } finally {
        call(c, "select pg_advisory_unlock(hashtext(?), hashtext(?))", tenant, sysId);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot lock invoice " + sysId, e);
    }
  }

  private static void call(Connection c, String sql, String tenant, String sysId)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, tenant);
      ps.setString(2, sysId);
      ps.executeQuery().close();
    }
  }
}

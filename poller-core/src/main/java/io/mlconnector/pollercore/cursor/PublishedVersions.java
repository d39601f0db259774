package io.mlconnector.pollercore.cursor;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * {@code published_version}: the content hash last published per record key, only there to save
 * re-sending a record a poll re-reads unchanged (overlap, a tied second, a touch without change).
 * {@code modified_at} is the newest modified time any read has seen of the record (a re-read
 * unchanged record moves it on), so pruning by it never forgets a version a poll can still meet
 * unchanged. Downstream writes are idempotent, so forgetting a version costs at most one event.
 */
final class PublishedVersions {
  private final DataSource dataSource;

  PublishedVersions(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  Map<String, String> hashes(String tenant, String entity, Collection<String> keys) {
    Map<String, String> out = new HashMap<>();
    if (keys.isEmpty()) {
      return out;
    }
    String sql =
        "select record_key, content_hash from published_version"
            + " where tenant = ? and entity = ? and record_key = any (?)";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, tenant);
      ps.setString(2, entity);
      ps.setArray(3, c.createArrayOf("varchar", keys.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), rs.getString(2));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read published versions of " + tenant, e);
    }
  }

  static void upsert(Connection c, String tenant, String entity, List<PublishedVersion> versions)
      throws SQLException {
    if (versions.isEmpty()) {
      return;
    }
    String sql =
        "insert into published_version (tenant, entity, record_key, content_hash, modified_at)"
            + " values (?,?,?,?,?) on conflict (tenant, entity, record_key) do update"
            + " set content_hash = excluded.content_hash,"
            + " modified_at = greatest(published_version.modified_at, excluded.modified_at)"
            + " where published_version.content_hash <> excluded.content_hash"
            + " or published_version.modified_at < excluded.modified_at";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (PublishedVersion v : versions) {
        ps.setString(1, tenant);
        ps.setString(2, entity);
        ps.setString(3, v.recordKey());
        ps.setString(4, v.contentHash());
        ps.setTimestamp(5, Timestamp.from(v.modifiedAt()));
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** Every version of the entity: its next read publishes whatever it reads. */
  static void forget(Connection c, String tenant, String entity) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("delete from published_version where tenant = ? and entity = ?")) {
      ps.setString(1, tenant);
      ps.setString(2, entity);
      ps.executeUpdate();
    }
  }

  /** See {@link CursorStore#prune}; {@code source} names the poller's cursors. */
  int prune(
      String tenant, String entity, String source, Collection<String> cursorNames, Duration keep) {
    String sql =
        "delete from published_version where tenant = ? and entity = ? and modified_at <"
            + " (select min(last_modified) from poll_cursor"
            + " where tenant = ? and source = ? and entity = any (?)"
            + " having count(*) = ?)"
            + " - make_interval(secs => ?)";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, tenant);
      ps.setString(2, entity);
      ps.setString(3, tenant);
      ps.setString(4, source);
      ps.setArray(5, c.createArrayOf("varchar", cursorNames.toArray()));
      ps.setInt(6, cursorNames.size());
      ps.setDouble(7, keep.toMillis() / 1000.0);
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot prune published versions of " + tenant, e);
    }
  }
}

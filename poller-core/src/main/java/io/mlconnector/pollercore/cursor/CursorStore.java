package io.mlconnector.pollercore.cursor;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A poller's state: {@code poll_cursor} ((tenant, source, entity) → last_modified, last_key) and
 * {@code published_version}. {@link #advance} is meant to run inside the caller's transaction,
 * together with the audit rows of the same page. Each poller makes it a bean with its source name
 * and {@link CursorOrder}.
 */
public class CursorStore {
  private final DataSource dataSource;
  private final String source;
  private final CursorOrder order;

  protected CursorStore(DataSource dataSource, String source, CursorOrder order) {
    this.dataSource = dataSource;
    this.source = source;
    this.order = order;
  }

  public Optional<PollCursor> find(String tenant, String cursorName) {
    return list(tenant, cursorName).stream().findFirst();
  }

  /** Every cursor of a tenant. */
  public List<PollCursor> all(String tenant) {
    return list(tenant, null);
  }

  /** Where the next read starts: the cursor less the overlap, or empty for an initial load. */
  public Optional<Instant> resumeFrom(String tenant, String cursorName, Duration overlap) {
    return find(tenant, cursorName).map(PollCursor::lastModified).map(c -> c.minus(overlap));
  }

  private List<PollCursor> list(String tenant, String cursorName) {
    String sql =
        "select entity, last_modified, last_key, updated_at from poll_cursor"
            + " where tenant = ? and source = ?"
            + (cursorName == null ? "" : " and entity = ?")
            + " order by entity";
    List<PollCursor> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, tenant);
      ps.setString(2, source);
      if (cursorName != null) {
        ps.setString(3, cursorName);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new PollCursor(
                  rs.getString(1),
                  instant(rs.getTimestamp(2)),
                  rs.getString(3),
                  instant(rs.getTimestamp(4))));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read poll cursors of " + tenant, e);
    }
  }

  /** Content hashes already published for these record keys of an entity. */
  public Map<String, String> publishedHashes(
      String tenant, String entity, Collection<String> keys) {
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

  /**
   * Records acknowledged versions of {@code entity} and moves a cursor forward (never back in this
   * store's {@link CursorOrder}); a {@code null} position keeps every cursor. Call inside a
   * transaction: both commit together or not at all.
   */
  public void advance(
      String tenant, String entity, List<PublishedVersion> versions, CursorPosition position) {
    try (Connection c = dataSource.getConnection()) {
      upsertVersions(c, tenant, entity, versions);
      if (position != null) {
        upsertCursor(c, tenant, position);
      }
    } catch (SQLException e) {
      String cursor = position == null ? entity : position.cursorName();
      throw new IllegalStateException("cannot advance the cursor of " + tenant + "/" + cursor, e);
    }
  }

  private static void upsertVersions(
      Connection c, String tenant, String entity, List<PublishedVersion> versions)
      throws SQLException {
    if (versions.isEmpty()) {
      return;
    }
    String sql =
        "insert into published_version (tenant, entity, record_key, content_hash, modified_at)"
            + " values (?,?,?,?,?) on conflict (tenant, entity, record_key) do update"
            + " set content_hash = excluded.content_hash, modified_at = excluded.modified_at";
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

  private void upsertCursor(Connection c, String tenant, CursorPosition position)
      throws SQLException {
    String sql =
        "insert into poll_cursor (tenant, source, entity, last_modified, last_key, updated_at)"
            + " values (?,?,?,?,?, now()) on conflict (tenant, source, entity) do update"
            + order.onConflictUpdate();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, tenant);
      ps.setString(2, source);
      ps.setString(3, position.cursorName());
      ps.setTimestamp(4, Timestamp.from(position.lastModified()));
      ps.setString(5, position.lastKey());
      ps.executeUpdate();
    }
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}

package io.mlconnector.qadpoller.cursor;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The poller's state: {@code poll_cursor} and {@code published_version}. {@link #advance} is meant
 * to run inside the caller's transaction, together with the audit rows of the same page.
 */
@ApplicationScoped
public class CursorStore {
  private static final String SOURCE = "qad";

  private final DataSource dataSource;

  public CursorStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public Optional<PollCursor> find(String tenant, String entity) {
    return list(tenant, entity).stream().findFirst();
  }

  /** Every cursor of a tenant. */
  public List<PollCursor> all(String tenant) {
    return list(tenant, null);
  }

  private List<PollCursor> list(String tenant, String entity) {
    String sql =
        "select entity, last_modified, last_key, updated_at from poll_cursor"
            + " where tenant = ? and source = ?"
            + (entity == null ? "" : " and entity = ?")
            + " order by entity";
    List<PollCursor> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, tenant);
      ps.setString(2, SOURCE);
      if (entity != null) {
        ps.setString(3, entity);
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

  /** Content hashes already published for these record keys. */
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
      Array array = c.createArrayOf("varchar", keys.toArray());
      ps.setString(1, tenant);
      ps.setString(2, entity);
      ps.setArray(3, array);
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
   * Records acknowledged versions and moves the cursor forward (never back). Call inside a
   * transaction: both commit together or not at all.
   */
  public void advance(
      String tenant,
      String entity,
      List<PublishedVersion> versions,
      Instant cursor,
      String lastKey) {
    try (Connection c = dataSource.getConnection()) {
      upsertVersions(c, tenant, entity, versions);
      if (cursor != null) {
        upsertCursor(c, tenant, entity, cursor, lastKey);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot advance the cursor of " + tenant + "/" + entity, e);
    }
  }

  private static void upsertVersions(
      Connection c, String tenant, String entity, List<PublishedVersion> versions)
      throws SQLException {
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

  private static void upsertCursor(
      Connection c, String tenant, String entity, Instant cursor, String lastKey)
      throws SQLException {
    String sql =
        "insert into poll_cursor (tenant, source, entity, last_modified, last_key, updated_at)"
            + " values (?,?,?,?,?, now()) on conflict (tenant, source, entity) do update"
            + " set last_modified = greatest(poll_cursor.last_modified, excluded.last_modified),"
            + " last_key = excluded.last_key, updated_at = now()";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, tenant);
      ps.setString(2, SOURCE);
      ps.setString(3, entity);
      ps.setTimestamp(4, Timestamp.from(cursor));
      ps.setString(5, lastKey);
      ps.executeUpdate();
    }
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}

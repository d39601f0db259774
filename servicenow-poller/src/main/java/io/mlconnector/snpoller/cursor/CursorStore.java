package io.mlconnector.snpoller.cursor;

import jakarta.enterprise.context.ApplicationScoped;
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
  private static final String SOURCE = "servicenow";

  private final DataSource dataSource;

  public CursorStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public Optional<PollCursor> find(String tenant, String table) {
    return list(tenant, table).stream().findFirst();
  }

  /** Every cursor of a tenant. */
  public List<PollCursor> all(String tenant) {
    return list(tenant, null);
  }

  private List<PollCursor> list(String tenant, String table) {
    String sql =
        "select entity, last_modified, last_key, updated_at from poll_cursor"
            + " where tenant = ? and source = ?"
            + (table == null ? "" : " and entity = ?")
            + " order by entity";
    List<PollCursor> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, tenant);
      ps.setString(2, SOURCE);
      if (table != null) {
        ps.setString(3, table);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new PollCursor(
                  rs.getString(1),
                  rs.getTimestamp(2).toInstant(),
                  rs.getString(3),
                  rs.getTimestamp(4).toInstant()));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read poll cursors of " + tenant, e);
    }
  }

  /** Content hashes already published for these sys_ids of an entity. */
  public Map<String, String> publishedHashes(
      String tenant, String entity, Collection<String> sysIds) {
    Map<String, String> out = new HashMap<>();
    if (sysIds.isEmpty()) {
      return out;
    }
    String sql =
        "select record_key, content_hash from published_version"
            + " where tenant = ? and entity = ? and record_key = any (?)";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, tenant);
      ps.setString(2, entity);
      ps.setArray(3, c.createArrayOf("varchar", sysIds.toArray()));
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
   * Records acknowledged versions and moves the table's cursor forward in keyset order, never back.
   * Call inside a transaction: both commit together or not at all.
   */
  public void advance(
      String tenant,
      String entity,
      List<PublishedVersion> versions,
      String table,
      Instant lastModified,
      String lastKey) {
    try (Connection c = dataSource.getConnection()) {
      upsertVersions(c, tenant, entity, versions);
      upsertCursor(c, tenant, table, lastModified, lastKey);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot advance the cursor of " + tenant + "/" + table, e);
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
        ps.setString(3, v.sysId());
        ps.setString(4, v.contentHash());
        ps.setTimestamp(5, Timestamp.from(v.modifiedAt()));
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static void upsertCursor(
      Connection c, String tenant, String table, Instant lastModified, String lastKey)
      throws SQLException {
    // Row comparison: (time, sys_id) is the keyset order, so a late page never moves it back.
    String sql =
        "insert into poll_cursor (tenant, source, entity, last_modified, last_key, updated_at)"
            + " values (?,?,?,?,?, now()) on conflict (tenant, source, entity) do update"
            + " set last_modified = excluded.last_modified, last_key = excluded.last_key,"
            + " updated_at = now()"
            + " where (excluded.last_modified, excluded.last_key)"
            + " > (poll_cursor.last_modified, poll_cursor.last_key)";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, tenant);
      ps.setString(2, SOURCE);
      ps.setString(3, table);
      ps.setTimestamp(4, Timestamp.from(lastModified));
      ps.setString(5, lastKey);
      ps.executeUpdate();
    }
  }
}

package io.mlconnector.pollercore.cursor;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
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
  private final PublishedVersions versions;

  protected CursorStore(DataSource dataSource, String source, CursorOrder order) {
    this.dataSource = dataSource;
    this.source = source;
    this.order = order;
    this.versions = new PublishedVersions(dataSource);
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

  /**
   * Records acknowledged versions of {@code entity} (and the newer modified times of records
   * re-read unchanged) and moves a cursor forward (never back in this store's {@link CursorOrder});
   * a {@code null} position keeps every cursor. Call inside a transaction: both commit together or
   * not at all.
   */
  public void advance(
      String tenant, String entity, List<PublishedVersion> versions, CursorPosition position) {
    try (Connection c = dataSource.getConnection()) {
      PublishedVersions.upsert(c, tenant, entity, versions);
      if (position != null) {
        upsertCursor(c, tenant, position);
      }
    } catch (SQLException e) {
      String cursor = position == null ? entity : position.cursorName();
      throw new IllegalStateException("cannot advance the cursor of " + tenant + "/" + cursor, e);
    }
  }

  /**
   * An operator's reset of {@code entity}: the next poll of each of {@code cursorNames} (the
   * cursors whose reads publish it) reads from {@code since} (from the start when {@code null}) and
   * publishes every record it reads, even those whose content was published before, because the
   * entity's published versions are forgotten in the same transaction. The caller makes sure no
   * poll of the tenant runs meanwhile.
   */
  public void reset(String tenant, String entity, Collection<String> cursorNames, Instant since) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              try (Connection c = dataSource.getConnection()) {
                PublishedVersions.forget(c, tenant, entity);
                for (String cursorName : cursorNames) {
                  forceCursor(c, tenant, cursorName, since);
                }
              } catch (SQLException e) {
                throw new IllegalStateException(
                    "cannot reset the cursors of " + tenant + "/" + entity, e);
              }
            });
  }

  private void forceCursor(Connection c, String tenant, String cursorName, Instant since)
      throws SQLException {
    String sql =
        since == null
            ? "delete from poll_cursor where tenant = ? and source = ? and entity = ?"
            : "update poll_cursor set last_modified = ?, last_key = null, updated_at = now()"
                + " where tenant = ? and source = ? and entity = ?";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int i = 1;
      if (since != null) {
        ps.setTimestamp(i++, Timestamp.from(since));
      }
      ps.setString(i++, tenant);
      ps.setString(i++, source);
      ps.setString(i, cursorName);
      ps.executeUpdate();
    }
  }

  /**
   * Forgets published versions of {@code entity} that no poll re-reads any more: last seen modified
   * more than {@code keep} (the overlap plus a retention) before the oldest of {@code cursorNames},
   * the cursors whose reads publish that entity. While one of them is missing (an initial load to
   * come) nothing is pruned.
   *
   * @return how many versions were forgotten
   */
  public int prune(String tenant, String entity, Collection<String> cursorNames, Duration keep) {
    return versions.prune(tenant, entity, source, cursorNames, keep);
  }

  /** Content hashes already published for these record keys of an entity. */
  public Map<String, String> publishedHashes(
      String tenant, String entity, Collection<String> keys) {
    return versions.hashes(tenant, entity, keys);
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

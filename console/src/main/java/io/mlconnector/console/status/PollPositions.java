package io.mlconnector.console.status;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** The pollers' cursors ({@code poll_cursor} of each poller schema), read-only. */
@ApplicationScoped
public class PollPositions {
  /**
   * One entity's cursor.
   *
   * @param system the poller's schema without {@code _poller} ({@code qad}, {@code servicenow})
   * @param lastPoll when a poll last moved the cursor (acknowledged records)
   * @param cursorModified the source's modification time the next read starts from
   * @param cursorKey the tie-breaker key within that time
   */
  public record Position(
      String tenant,
      String system,
      String entity,
      OffsetDateTime lastPoll,
      OffsetDateTime cursorModified,
      String cursorKey) {}

  private final DataSource dataSource;
  private final List<String> schemas;

  public PollPositions(DataSource dataSource, StatusConfig config) {
    this.dataSource = dataSource;
    this.schemas = Schemas.safe(config.pollerSchemas());
  }

  /** Every cursor, by tenant, system and entity. */
  public List<Position> all() {
    List<Position> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      for (String schema : schemas) {
        read(c, schema, out);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the poll cursors", e);
    }
    return out;
  }

  private static void read(Connection c, String schema, List<Position> out) throws SQLException {
    String sql =
        "select tenant, entity, updated_at, last_modified, last_key from "
            + schema
            + ".poll_cursor order by tenant, entity";
    String system = schema.replaceFirst("_poller$", "");
    try (PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(
            new Position(
                rs.getString(1),
                system,
                rs.getString(2),
                rs.getObject(3, OffsetDateTime.class),
                rs.getObject(4, OffsetDateTime.class),
                rs.getString(5)));
      }
    } catch (SQLException e) {
      if (!Schemas.isMissingTable(e)) {
        throw e;
      }
    }
  }
}

package io.mlconnector.console.audit;

import io.mlconnector.console.config.ConsoleConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.sql.DataSource;

/**
 * Reads the {@code audit_trail} table of every service schema (they share one database) and merges
 * them into one timeline, the console's own operator actions (replays, with the operator's token
 * name as {@code actor}) included. A schema a service has not created yet is skipped.
 */
@ApplicationScoped
public class FleetAuditTrail {
  /** One stage of one record in one service. */
  public record Row(
      OffsetDateTime at,
      String service,
      String entity,
      String stage,
      String payloadHash,
      String targetId,
      String error,
      String kafkaTopic,
      Integer kafkaPartition,
      Long kafkaOffset,
      String traceId,
      String actor) {}

  private final DataSource dataSource;
  private final List<String> schemas;

  public FleetAuditTrail(DataSource dataSource, ConsoleConfig config) {
    this.dataSource = dataSource;
    this.schemas =
        config.auditSchemas().stream().filter(s -> s.matches("[a-z_][a-z0-9_]*")).toList();
  }

  public List<Row> of(String tenant, String externalId) {
    List<Row> rows = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      for (String schema : schemas) {
        read(c, schema, tenant, externalId, rows);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the audit trail", e);
    }
    rows.sort(Comparator.comparing(Row::at));
    return rows;
  }

  private static void read(
      Connection c, String schema, String tenant, String externalId, List<Row> out)
      throws SQLException {
    String sql =
        "select recorded_at, entity, stage, payload_hash, target_id, error, kafka_topic,"
            + " kafka_partition, kafka_offset, trace_id, to_jsonb(t) ->> 'actor' from "
            + schema
            // to_jsonb: a service not yet upgraded has no actor column; its rows read as null.
            + ".audit_trail t where tenant = ? and external_id = ?";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, tenant);
      ps.setString(2, externalId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Row(
                  rs.getObject(1, OffsetDateTime.class),
                  schema,
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getString(7),
                  (Integer) rs.getObject(8),
                  (Long) rs.getObject(9),
                  rs.getString(10),
                  rs.getString(11)));
        }
      }
    } catch (SQLException e) {
      if (!"42P01".equals(e.getSQLState())) {
        throw e;
      }
    }
  }
}

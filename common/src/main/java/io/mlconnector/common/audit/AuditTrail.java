package io.mlconnector.common.audit;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Writes and reads the {@code audit_trail} table of the calling service's schema. Uses the
 * service's default datasource, so a row written inside a transaction commits or rolls back with
 * the effect it describes.
 */
@ApplicationScoped
public class AuditTrail {
  private static final int MAX_ERROR_CHARS = 4000;
  private static final String INSERT =
      "insert into audit_trail (tenant, entity, external_id, stage, payload_hash, target_id,"
          + " error, kafka_topic, kafka_partition, kafka_offset, trace_id, event_id, actor)"
          + " values (?,?,?,?,?,?,?,?,?,?,?,?,?)";

  /**
   * Ids are indexed; PostgreSQL refuses index entries over ~2.7 kB, so an absurdly long (hostile)
   * id is stored shortened rather than failing the record's whole partition.
   */
  static final int MAX_ID_CHARS = 1000;

  private final DataSource dataSource;

  public AuditTrail(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public void record(AuditEntry e) {
    record(e, null);
  }

  /**
   * Records an entry an operator caused.
   *
   * @param actor the operator's token name ({@code CurrentCaller}), or {@code null}
   */
  public void record(AuditEntry e, String actor) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(INSERT)) {
      bind(ps, e, actor);
      ps.executeUpdate();
    } catch (SQLException ex) {
      throw new IllegalStateException("cannot write audit row for " + e.externalId(), ex);
    }
  }

  /**
   * Records many entries with one JDBC batch (one round trip per batch, not per row), in the order
   * given; joins the caller's transaction like {@link #record(AuditEntry)}.
   */
  public void recordAll(List<AuditEntry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(INSERT)) {
      for (AuditEntry e : entries) {
        bind(ps, e, null);
        ps.addBatch();
      }
      ps.executeBatch();
    } catch (SQLException ex) {
      throw new IllegalStateException(
          "cannot write "
              + entries.size()
              + " audit rows (first "
              + entries.get(0).externalId()
              + ")",
          ex);
    }
  }

  private static void bind(PreparedStatement ps, AuditEntry e, String actor) throws SQLException {
    ps.setString(1, e.tenant());
    ps.setString(2, e.entity());
    ps.setString(3, storedId(e.externalId()));
    ps.setString(4, e.stage().name());
    ps.setString(5, e.payloadHash());
    ps.setString(6, e.targetId());
    ps.setString(7, truncate(e.error()));
    if (e.kafka() != null) {
      ps.setString(8, e.kafka().topic());
      ps.setInt(9, e.kafka().partition());
      ps.setLong(10, e.kafka().offset());
    } else {
      ps.setNull(8, Types.VARCHAR);
      ps.setNull(9, Types.INTEGER);
      ps.setNull(10, Types.BIGINT);
    }
    ps.setString(11, e.traceId());
    ps.setObject(12, e.eventId());
    ps.setString(13, actor);
  }

  /** The trail of one record, oldest first. */
  public List<AuditEntry> history(String tenant, String externalId) {
    String sql =
        "select entity, stage, payload_hash, target_id, error, kafka_topic, kafka_partition,"
            + " kafka_offset, trace_id, event_id from audit_trail"
            + " where tenant = ? and external_id = ? order by recorded_at, id";
    List<AuditEntry> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, tenant);
      ps.setString(2, storedId(externalId));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(read(tenant, externalId, rs));
        }
      }
    } catch (SQLException ex) {
      throw new IllegalStateException("cannot read audit trail of " + externalId, ex);
    }
    return out;
  }

  private static AuditEntry read(String tenant, String externalId, ResultSet rs)
      throws SQLException {
    String topic = rs.getString("kafka_topic");
    AuditEntry.KafkaCoordinates kafka =
        topic == null
            ? null
            : new AuditEntry.KafkaCoordinates(
                topic, rs.getInt("kafka_partition"), rs.getLong("kafka_offset"));
    return new AuditEntry(
        tenant,
        rs.getString("entity"),
        externalId,
        AuditStage.valueOf(rs.getString("stage")),
        rs.getString("payload_hash"),
        rs.getString("target_id"),
        rs.getString("error"),
        kafka,
        rs.getString("trace_id"),
        rs.getObject("event_id", java.util.UUID.class));
  }

  static String storedId(String id) {
    return id.length() <= MAX_ID_CHARS ? id : id.substring(0, MAX_ID_CHARS - 1) + "…";
  }

  private static String truncate(String s) {
    return s == null || s.length() <= MAX_ERROR_CHARS ? s : s.substring(0, MAX_ERROR_CHARS);
  }
}

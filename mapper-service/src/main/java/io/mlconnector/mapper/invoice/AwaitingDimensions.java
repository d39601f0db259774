package io.mlconnector.mapper.invoice;

import io.mlconnector.common.audit.AuditEntry.KafkaCoordinates;
import io.mlconnector.common.event.EnvelopeCodec;
import io.mlconnector.common.event.EventEnvelope;
import io.mlconnector.mapper.dimension.Dimension;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * {@code invoice_awaiting_dimension}: the latest event of each invoice rejected for a QAD code the
 * catalog lacked, so it can be mapped again when QAD reports that code (a catalog still loading
 * must not cost an invoice). Writes join the caller's transaction.
 */
@ApplicationScoped
public class AwaitingDimensions {
  /** A held invoice event and where it was read. */
  public record Held(EventEnvelope event, KafkaCoordinates where) {}

  private final DataSource dataSource;

  public AwaitingDimensions(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Holds (or replaces) the invoice's event until {@code missing} exists in QAD. */
  public void hold(EventEnvelope event, KafkaCoordinates where, MissingCode missing) {
    update(
        "insert into invoice_awaiting_dimension (tenant, sys_id, dimension, qad_code, envelope,"
            + " kafka_topic, kafka_partition, kafka_offset) values (?,?,?,?,?,?,?,?)"
            + " on conflict (tenant, sys_id) do update set dimension = excluded.dimension,"
            + " qad_code = excluded.qad_code, envelope = excluded.envelope,"
            + " kafka_topic = excluded.kafka_topic, kafka_partition = excluded.kafka_partition,"
            + " kafka_offset = excluded.kafka_offset, since = now()",
        event.tenant(),
        event.sourceId(),
        missing.dimension().wireName(),
        missing.qadCode(),
        EnvelopeCodec.write(event),
        where.topic(),
        where.partition(),
        where.offset());
  }

  /** The invoice no longer waits (mapped, or a later version took its place). */
  public void forget(String tenant, String sysId) {
    update("delete from invoice_awaiting_dimension where tenant = ? and sys_id = ?", tenant, sysId);
  }

  /** Takes the invoices waiting for this code (they are mapped again by the caller). */
  public List<Held> release(String tenant, Dimension d, String qadCode) {
    List<Held> out = new ArrayList<>();
    String sql =
        "delete from invoice_awaiting_dimension where tenant = ? and dimension = ? and qad_code = ?"
            + " returning envelope, kafka_topic, kafka_partition, kafka_offset";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, tenant);
      ps.setString(2, d.wireName());
      ps.setString(3, qadCode);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Held(
                  EnvelopeCodec.read(rs.getBytes(1)),
                  new KafkaCoordinates(rs.getString(2), rs.getInt(3), rs.getLong(4))));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot release invoices awaiting " + qadCode, e);
    }
    return out;
  }

  private void update(String sql, Object... params) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot update invoices awaiting a dimension", e);
    }
  }
}

package io.mlconnector.writer.deferral;

import io.mlconnector.common.audit.AuditEntry.KafkaCoordinates;
import io.mlconnector.common.event.EnvelopeCodec;
import io.mlconnector.common.kafka.ConsumedEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The {@code deferred_record} table: per lane (e.g. {@code servicenow}) and tenant, the records
 * waiting for their target, in the order they were consumed ({@code id}); each with its order key
 * (the Kafka key), behind which later records of that key must wait.
 */
@ApplicationScoped
public class DeferredQueue {
  /** A waiting record and its place in the queue. */
  public record Deferred(long id, ConsumedEvent event) {}

  private final DataSource dataSource;

  public DeferredQueue(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Tenants of the lane with at least one waiting record. */
  public Set<String> tenantsWaiting(String lane) {
    Set<String> out = new HashSet<>();
    query(
        "select distinct tenant from deferred_record where lane = ?",
        ps -> ps.setString(1, lane),
        rs -> out.add(rs.getString(1)));
    return out;
  }

  /** The order key of a record: its Kafka key, or its tenant's when it travelled without one. */
  public static String orderKey(ConsumedEvent e) {
    return e.key() != null ? e.key() : e.event().tenant() + "|";
  }

  /** Which of these order keys have records waiting in the lane. */
  public Set<String> keysWaiting(String lane, Collection<String> keys) {
    Set<String> out = new HashSet<>();
    if (keys.isEmpty()) {
      return out;
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select distinct order_key from deferred_record where lane = ?"
                    + " and order_key = any (?)")) {
      ps.setString(1, lane);
      ps.setArray(2, c.createArrayOf("varchar", keys.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the deferred records", e);
    }
    return out;
  }

  /** Waiting records per lane and tenant. */
  public Map<String, Map<String, Long>> depths() {
    Map<String, Map<String, Long>> out = new LinkedHashMap<>();
    query(
        "select lane, tenant, count(*) from deferred_record group by lane, tenant"
            + " order by lane, tenant",
        ps -> {},
        rs ->
            out.computeIfAbsent(rs.getString(1), l -> new LinkedHashMap<>())
                .put(rs.getString(2), rs.getLong(3)));
    return out;
  }

  /**
   * Appends records in the given order, in one transaction; a record already waiting (a redelivery)
   * keeps its place.
   */
  public void append(String lane, List<ConsumedEvent> events, String reason) {
    String sql =
        "insert into deferred_record (lane, tenant, record_key, order_key, topic,"
            + " kafka_partition, kafka_offset, envelope, reason) values (?,?,?,?,?,?,?,?,?)"
            + " on conflict (lane, topic, kafka_partition, kafka_offset) do nothing";
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              try (Connection c = dataSource.getConnection();
                  PreparedStatement ps = c.prepareStatement(sql)) {
                for (ConsumedEvent e : events) {
                  ps.setString(1, lane);
                  ps.setString(2, e.event().tenant());
                  ps.setString(3, e.key());
                  ps.setString(4, orderKey(e));
                  ps.setString(5, e.where().topic());
                  ps.setInt(6, e.where().partition());
                  ps.setLong(7, e.where().offset());
                  ps.setBytes(8, EnvelopeCodec.write(e.event()));
                  ps.setString(9, reason);
                  ps.addBatch();
                }
                ps.executeBatch();
              } catch (SQLException e) {
                throw new IllegalStateException("cannot defer records of lane " + lane, e);
              }
            });
  }

  /** The oldest {@code limit} waiting records of a tenant, oldest first. */
  public List<Deferred> oldest(String lane, String tenant, int limit) {
    List<Deferred> out = new ArrayList<>();
    query(
        "select id, record_key, topic, kafka_partition, kafka_offset, envelope"
            + " from deferred_record where lane = ? and tenant = ? order by id limit ?",
        ps -> {
          ps.setString(1, lane);
          ps.setString(2, tenant);
          ps.setInt(3, limit);
        },
        rs ->
            out.add(
                new Deferred(
                    rs.getLong(1),
                    new ConsumedEvent(
                        EnvelopeCodec.read(rs.getBytes(6)),
                        rs.getString(2),
                        new KafkaCoordinates(rs.getString(3), rs.getInt(4), rs.getLong(5))))));
    return out;
  }

  /** Removes records that were handled. */
  public void remove(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return;
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("delete from deferred_record where id = any (?)")) {
      ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot remove replayed records", e);
    }
  }

  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private interface RowReader {
    void read(ResultSet rs) throws SQLException;
  }

  private void query(String sql, Binder binder, RowReader reader) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          reader.read(rs);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the deferred records", e);
    }
  }
}

package io.mlconnector.console.parked;

import io.mlconnector.common.event.EnvelopeCodec;
import io.mlconnector.common.event.EventEnvelope;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;

/** {@code parked_record}: the latest parking of each record and whether it was replayed. */
@ApplicationScoped
public class ParkedStore {
  private static final String COLUMNS =
      "kafka_key, kafka_offset, envelope, summary, parked_at, status, resolved_at, resolved_by,"
          + " replayed_to";

  // A parking at a later offset (or another partition) reopens the record; a re-read of the same
  // parking (consumer rewind) changes nothing, so a resolved record stays resolved.
  private static final String UPSERT =
      "insert into parked_record (tenant, entity, source_id, stage, reason, summary, parked_at,"
          + " trace_id, kafka_key, kafka_partition, kafka_offset, envelope, status)"
          + " values (?,?,?,?,?,?,?,?,?,?,?,?,'PARKED')"
          + " on conflict (tenant, entity, source_id) do update set stage = excluded.stage,"
          + " reason = excluded.reason, summary = excluded.summary, parked_at = excluded.parked_at,"
          + " trace_id = excluded.trace_id, kafka_key = excluded.kafka_key,"
          + " kafka_partition = excluded.kafka_partition, kafka_offset = excluded.kafka_offset,"
          + " envelope = excluded.envelope, status = 'PARKED', resolved_at = null,"
          + " resolved_by = null, replayed_to = null"
          + " where parked_record.kafka_partition <> excluded.kafka_partition"
          + " or parked_record.kafka_offset < excluded.kafka_offset";

  private final DataSource dataSource;

  public ParkedStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Keeps a parking read from {@code mlc.parked} at the given coordinates. */
  public void keep(EventEnvelope parked, String key, int partition, long offset) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(UPSERT)) {
      ps.setString(1, parked.tenant());
      ps.setString(2, parked.entity().wireName());
      ps.setString(3, parked.sourceId());
      ps.setString(4, ParkedRecord.stage(parked));
      ps.setString(5, ParkedRecord.reason(parked));
      ps.setString(6, PayloadSummary.of(parked.payload()));
      // Read within moments of the parking; the envelope's occurredAt is the source's change time.
      ps.setObject(7, OffsetDateTime.now(ZoneOffset.UTC));
      ps.setString(8, parked.traceId());
      ps.setString(9, key);
      ps.setInt(10, partition);
      ps.setLong(11, offset);
      ps.setBytes(12, EnvelopeCodec.write(parked));
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot keep a parked record", e);
    }
  }

  /** The tenant's records, newest parking first; resolved ones only when asked for. */
  public List<ParkedRecord> list(String tenant, boolean withResolved) {
    String sql =
        "select "
            + COLUMNS
            + " from parked_record where tenant = ?"
            + (withResolved ? "" : " and status = 'PARKED'")
            + " order by parked_at desc, source_id";
    return query(sql, tenant);
  }

  public Optional<ParkedRecord> find(String tenant, String entity, String sourceId) {
    return query(
            "select "
                + COLUMNS
                + " from parked_record where tenant = ? and entity = ? and source_id = ?",
            tenant,
            entity,
            sourceId)
        .stream()
        .findFirst();
  }

  /** Marks the parking at this offset replayed (a newer parking meanwhile stays open). */
  public void resolve(ParkedRecord r, String operator, String topic) {
    String sql =
        "update parked_record set status = 'RESOLVED', resolved_at = now(), resolved_by = ?,"
            + " replayed_to = ? where tenant = ? and entity = ? and source_id = ?"
            + " and kafka_offset = ?";
    update(
        sql,
        operator,
        topic,
        r.parked().tenant(),
        r.parked().entity().wireName(),
        r.parked().sourceId(),
        r.offset());
  }

  /** Open (not replayed) parkings per tenant. */
  public Map<String, Long> openCounts() {
    Map<String, Long> out = new TreeMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select tenant, count(*) from parked_record where status = 'PARKED'"
                    + " group by tenant");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getLong(2));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot count parked records", e);
    }
    return out;
  }

  private List<ParkedRecord> query(String sql, Object... args) {
    List<ParkedRecord> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new ParkedRecord(
                  rs.getString(1),
                  rs.getLong(2),
                  EnvelopeCodec.read(rs.getBytes(3)),
                  rs.getString(4),
                  rs.getObject(5, OffsetDateTime.class),
                  rs.getString(6),
                  rs.getObject(7, OffsetDateTime.class),
                  rs.getString(8),
                  rs.getString(9)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read parked records", e);
    }
    return out;
  }

  private void update(String sql, Object... args) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot update a parked record", e);
    }
  }
}

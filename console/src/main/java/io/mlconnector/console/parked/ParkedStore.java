package io.mlconnector.console.parked;

import io.mlconnector.common.event.EnvelopeCodec;
import io.mlconnector.common.event.EventEnvelope;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code parked_record}: the latest parking of each record and whether it was replayed, kept as
 * {@link ParkedRecordEntity}. Every method runs in a transaction (the ingest loop and tests call it
 * outside any request).
 */
@ApplicationScoped
public class ParkedStore {
  // A parking at a later offset (or another partition) reopens the record; a re-read of the same
  // parking (consumer rewind) changes nothing, so a resolved record stays resolved.
  // Native SQL: JPA cannot express a conditional upsert (insert … on conflict … do update … where).
  private static final String UPSERT =
      "insert into parked_record (tenant, entity, source_id, stage, reason, summary, parked_at,"
          + " trace_id, kafka_key, kafka_partition, kafka_offset, envelope, status)"
          + " values (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,'PARKED')"
          + " on conflict (tenant, entity, source_id) do update set stage = excluded.stage,"
          + " reason = excluded.reason, summary = excluded.summary, parked_at = excluded.parked_at,"
          + " trace_id = excluded.trace_id, kafka_key = excluded.kafka_key,"
          + " kafka_partition = excluded.kafka_partition, kafka_offset = excluded.kafka_offset,"
          + " envelope = excluded.envelope, status = 'PARKED', resolved_at = null,"
          + " resolved_by = null, replayed_to = null"
          + " where parked_record.kafka_partition <> excluded.kafka_partition"
          + " or parked_record.kafka_offset < excluded.kafka_offset";

  /** Keeps a parking read from {@code mlc.parked} at the given coordinates. */
  @Transactional
  public void keep(EventEnvelope parked, String key, int partition, long offset) {
    Panache.getSession(ParkedRecordEntity.class)
        .createNativeMutationQuery(UPSERT)
        .setParameter(1, parked.tenant(), String.class)
        .setParameter(2, parked.entity().wireName(), String.class)
        .setParameter(3, parked.sourceId(), String.class)
        .setParameter(4, ParkedRecord.stage(parked), String.class)
        .setParameter(5, ParkedRecord.reason(parked), String.class)
        .setParameter(6, PayloadSummary.of(parked.payload()), String.class)
        // Read within moments of the parking; the envelope's occurredAt is the source's change
        // time.
        .setParameter(7, OffsetDateTime.now(ZoneOffset.UTC), OffsetDateTime.class)
        .setParameter(8, parked.traceId(), String.class)
        .setParameter(9, key, String.class)
        .setParameter(10, partition, Integer.class)
        .setParameter(11, offset, Long.class)
        .setParameter(12, EnvelopeCodec.write(parked), byte[].class)
        .executeUpdate();
  }

  /** The tenant's records, newest parking first; resolved ones only when asked for. */
  @Transactional
  public List<ParkedRecord> list(String tenant, boolean withResolved) {
    Sort newestFirst = Sort.descending("parkedAt").and("sourceId");
    List<ParkedRecordEntity> rows =
        withResolved
            ? ParkedRecordEntity.list("tenant", newestFirst, tenant)
            : ParkedRecordEntity.list(
                "tenant = ?1 and status = ?2", newestFirst, tenant, ParkedRecord.PARKED);
    return rows.stream().map(ParkedRecordEntity::toRecord).toList();
  }

  @Transactional
  public Optional<ParkedRecord> find(String tenant, String entity, String sourceId) {
    return ParkedRecordEntity.<ParkedRecordEntity>findByIdOptional(
            new ParkedRecordEntity.Key(tenant, entity, sourceId))
        .map(ParkedRecordEntity::toRecord);
  }

  /** Marks the parking at this offset replayed (a newer parking meanwhile stays open). */
  @Transactional
  public void resolve(ParkedRecord r, String operator, String topic) {
    ParkedRecordEntity.update(
        "status = ?1, resolvedAt = ?2, resolvedBy = ?3, replayedTo = ?4"
            + " where tenant = ?5 and entity = ?6 and sourceId = ?7 and kafkaOffset = ?8",
        ParkedRecord.RESOLVED,
        OffsetDateTime.now(ZoneOffset.UTC),
        operator,
        topic,
        r.parked().tenant(),
        r.parked().entity().wireName(),
        r.parked().sourceId(),
        r.offset());
  }

  /** Open (not replayed) parkings per tenant. */
  @Transactional
  public Map<String, Long> openCounts() {
    Map<String, Long> out = new TreeMap<>();
    Panache.getSession(ParkedRecordEntity.class)
        .createSelectionQuery(
            "select tenant, count(*) from ParkedRecordEntity where status = ?1 group by tenant",
            Object[].class)
        .setParameter(1, ParkedRecord.PARKED)
        .getResultList()
        .forEach(row -> out.put((String) row[0], (Long) row[1]));
    return out;
  }
}

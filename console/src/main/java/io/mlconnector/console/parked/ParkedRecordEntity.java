package io.mlconnector.console.parked;

import io.mlconnector.common.event.EnvelopeCodec;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One row of {@code parked_record} (Flyway {@code V1_2}): operator state, read and resolved one
 * record at a time, so an entity. Inserts go through {@link ParkedStore}'s conditional upsert.
 */
@Entity
@Table(name = "parked_record")
@IdClass(ParkedRecordEntity.Key.class)
public class ParkedRecordEntity extends PanacheEntityBase {
  @Id public String tenant;
  @Id public String entity;

  @Id
  @Column(name = "source_id")
  public String sourceId;

  public String stage;
  public String reason;
  public String summary;

  @Column(name = "parked_at")
  public OffsetDateTime parkedAt;

  @Column(name = "trace_id")
  public String traceId;

  @Column(name = "kafka_key")
  public String kafkaKey;

  @Column(name = "kafka_partition")
  public int kafkaPartition;

  @Column(name = "kafka_offset")
  public long kafkaOffset;

  public byte[] envelope;
  public String status;

  @Column(name = "resolved_at")
  public OffsetDateTime resolvedAt;

  @Column(name = "resolved_by")
  public String resolvedBy;

  @Column(name = "replayed_to")
  public String replayedTo;

  /** The view the console's API and replay work with. */
  ParkedRecord toRecord() {
    return new ParkedRecord(
        kafkaKey,
        kafkaOffset,
        EnvelopeCodec.read(envelope),
        summary,
        parkedAt,
        status,
        resolvedAt,
        resolvedBy,
        replayedTo);
  }

  /** The primary key: one row per record of a tenant. */
  public static class Key implements Serializable {
    public String tenant;
    public String entity;
    public String sourceId;

    public Key() {}

    Key(String tenant, String entity, String sourceId) {
      this.tenant = tenant;
      this.entity = entity;
      this.sourceId = sourceId;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(tenant, k.tenant)
          && Objects.equals(entity, k.entity)
          && Objects.equals(sourceId, k.sourceId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(tenant, entity, sourceId);
    }
  }
}

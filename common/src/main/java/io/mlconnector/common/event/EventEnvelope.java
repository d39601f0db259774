package io.mlconnector.common.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The one envelope every topic carries (schema documented in common/README.md).
 *
 * @param eventId unique per event; consumers may use it for tracing, never for idempotency (a
 *     re-poll of the same record yields a new event id with the same source version)
 * @param tenant tenant id as registered in the console
 * @param entity what the payload is
 * @param sourceSystem where the record comes from
 * @param sourceId QAD business key or ServiceNow {@code sys_id}
 * @param sourceVersion modified time plus tie-breaker, or a content hash
 * @param occurredAt when the source says the change happened
 * @param traceId correlates all stages of one record
 * @param payload the record itself
 */
public record EventEnvelope(
    UUID eventId,
    String tenant,
    EntityType entity,
    SourceSystem sourceSystem,
    String sourceId,
    String sourceVersion,
    Instant occurredAt,
    String traceId,
    JsonNode payload) {

  /** Current schema version written by {@link EnvelopeCodec}. */
  public static final int SCHEMA_VERSION = 1;

  public EventEnvelope {
    Objects.requireNonNull(eventId, "eventId");
    TenantId.requireValid(tenant);
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(sourceSystem, "sourceSystem");
    requireText(sourceId, "sourceId");
    requireText(sourceVersion, "sourceVersion");
    Objects.requireNonNull(occurredAt, "occurredAt");
    requireText(traceId, "traceId");
    Objects.requireNonNull(payload, "payload");
  }

  /** A new event with fresh event and trace ids. */
  public static EventEnvelope create(
      String tenant,
      EntityType entity,
      SourceSystem sourceSystem,
      String sourceId,
      String sourceVersion,
      Instant occurredAt,
      JsonNode payload) {
    return new EventEnvelope(
        UUID.randomUUID(),
        tenant,
        entity,
        sourceSystem,
        sourceId,
        sourceVersion,
        occurredAt,
        UUID.randomUUID().toString(),
        payload);
  }

  /** The next stage's event for the same record: new event id, same trace id. */
  public EventEnvelope derive(EntityType newEntity, SourceSystem system, JsonNode newPayload) {
    return new EventEnvelope(
        UUID.randomUUID(),
        tenant,
        newEntity,
        system,
        sourceId,
        sourceVersion,
        occurredAt,
        traceId,
        newPayload);
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}

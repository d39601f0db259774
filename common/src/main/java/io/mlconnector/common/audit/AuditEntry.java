package io.mlconnector.common.audit;

import io.mlconnector.common.event.EventEnvelope;
import java.util.UUID;

/**
 * One row of the audit trail.
 *
 * @param kafka where the event was read from or written to, or {@code null}
 */
public record AuditEntry(
    String tenant,
    String entity,
    String externalId,
    AuditStage stage,
    String payloadHash,
    String targetId,
    String error,
    KafkaCoordinates kafka,
    String traceId,
    UUID eventId) {

  /** Topic, partition and offset of an event. */
  public record KafkaCoordinates(String topic, int partition, long offset) {}

  /** The entry for an event at a stage, without target id or error. */
  public static AuditEntry of(
      EventEnvelope event, AuditStage stage, String payloadHash, KafkaCoordinates kafka) {
    return new AuditEntry(
        event.tenant(),
        event.entity().wireName(),
        event.sourceId(),
        stage,
        payloadHash,
        null,
        null,
        kafka,
        event.traceId(),
        event.eventId());
  }

  public AuditEntry withTarget(String newTargetId) {
    return new AuditEntry(
        tenant,
        entity,
        externalId,
        stage,
        payloadHash,
        newTargetId,
        error,
        kafka,
        traceId,
        eventId);
  }

  public AuditEntry withError(AuditStage failedStage, String message) {
    return new AuditEntry(
        tenant,
        entity,
        externalId,
        failedStage,
        payloadHash,
        targetId,
        message,
        kafka,
        traceId,
        eventId);
  }
}

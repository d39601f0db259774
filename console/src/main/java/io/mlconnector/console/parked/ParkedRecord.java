package io.mlconnector.console.parked;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.common.event.EventEnvelope;
import java.time.OffsetDateTime;

/**
 * The latest parking of one record, as the console keeps it ({@code parked_record}).
 *
 * @param key the Kafka key it was parked under
 * @param parked the parked envelope (payload: reason, stage, the original or the command)
 * @param status {@code PARKED}, or {@code RESOLVED} once an operator replayed it
 */
public record ParkedRecord(
    String key,
    long offset,
    EventEnvelope parked,
    String summary,
    OffsetDateTime parkedAt,
    String status,
    OffsetDateTime resolvedAt,
    String resolvedBy,
    String replayedTo) {

  public static final String PARKED = "PARKED";
  public static final String RESOLVED = "RESOLVED";

  public String reason() {
    return reason(parked);
  }

  public String stage() {
    return stage(parked);
  }

  static String reason(EventEnvelope parked) {
    return parked.payload().path("reason").asText("");
  }

  static String stage(EventEnvelope parked) {
    return parked.payload().path("stage").asText("");
  }

  /** What the operator sees: a summary of the payload, never its whole body. */
  public View view() {
    return new View(
        parked.entity().wireName(),
        parked.sourceId(),
        stage(),
        reason(),
        summary,
        parkedAt,
        status,
        resolvedAt,
        resolvedBy,
        replayedTo,
        parked.traceId(),
        offset);
  }

  /** The JSON shape of {@code GET /parked/{tenant}}. */
  public record View(
      String entity,
      String sourceId,
      String stage,
      String reason,
      String summary,
      OffsetDateTime parkedAt,
      String status,
      OffsetDateTime resolvedAt,
      String resolvedBy,
      String replayedTo,
      String traceId,
      long offset) {}

  JsonNode payload() {
    return parked.payload();
  }
}

package io.mlconnector.console.parked;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.common.event.EventEnvelope;

/**
 * One record parked by the mapper or the writer, as read from {@code mlc.parked}.
 *
 * @param key the Kafka key it was parked under
 * @param parked the parked envelope (payload: reason, stage, the original or the command)
 */
public record ParkedRecord(String key, long offset, EventEnvelope parked) {

  public String reason() {
    return parked.payload().path("reason").asText("");
  }

  public String stage() {
    return parked.payload().path("stage").asText("");
  }

  /** What the operator sees: no payload bodies, just what happened and why. */
  public View view() {
    return new View(
        parked.entity().wireName(), parked.sourceId(), stage(), reason(), parked.traceId(), offset);
  }

  /** The JSON shape of {@code GET /parked/{tenant}}. */
  public record View(
      String entity, String sourceId, String stage, String reason, String traceId, long offset) {}

  JsonNode payload() {
    return parked.payload();
  }
}

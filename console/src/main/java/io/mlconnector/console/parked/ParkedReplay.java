package io.mlconnector.console.parked;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.common.event.EventEnvelope;
import io.mlconnector.common.event.SourceSystem;
import io.mlconnector.common.http.ApiException;
import io.mlconnector.common.kafka.EventPublisher;
import io.mlconnector.common.kafka.EventPublisher.Outgoing;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Sends a parked record back to where it was parked from, once the cause is fixed (a mapping added,
 * a tenant enabled): the mapper's parkings carry the original event, topic and key; the writer's
 * carry the command and the topic it came from. Same trace id, new event id. Targets are
 * idempotent, so replaying something that meanwhile went through writes nothing new.
 */
@ApplicationScoped
public class ParkedReplay {
  private final ParkedTopicReader reader;
  private final EventPublisher publisher;

  public ParkedReplay(ParkedTopicReader reader, EventPublisher publisher) {
    this.reader = reader;
    this.publisher = publisher;
  }

  /** Replays the latest parking of the record; returns the topic it went to. */
  public String replay(String tenant, String entity, String sourceId) {
    ParkedRecord record =
        reader.latest(tenant).stream()
            .filter(r -> r.parked().entity().wireName().equals(entity))
            .filter(r -> r.parked().sourceId().equals(sourceId))
            .findFirst()
            .orElseThrow(() -> ApiException.notFound("parked " + entity + " " + sourceId));
    Outgoing out = outgoing(record);
    publisher.publishAndAwait(List.of(out), Duration.ofSeconds(30));
    return out.topic();
  }

  private static Outgoing outgoing(ParkedRecord record) {
    JsonNode p = record.payload();
    EventEnvelope parked = record.parked();
    if (p.hasNonNull("original")) {
      return new Outgoing(
          p.get("originalTopic").asText(),
          p.path("originalKey").asText(record.key()),
          rebuild(
              parked,
              SourceSystem.valueOf(p.get("originalSourceSystem").asText()),
              p.get("original")));
    }
    if (p.hasNonNull("command")) {
      return new Outgoing(
          p.path("source").path("topic").asText(),
          record.key(),
          rebuild(parked, SourceSystem.CONNECTOR, p.get("command")));
    }
    throw ApiException.badRequest(
        "this parked record carries nothing to replay", "it was parked by an older version");
  }

  private static EventEnvelope rebuild(EventEnvelope parked, SourceSystem system, JsonNode body) {
    return new EventEnvelope(
        UUID.randomUUID(),
        parked.tenant(),
        parked.entity(),
        system,
        parked.sourceId(),
        parked.sourceVersion(),
        parked.occurredAt(),
        parked.traceId(),
        body);
  }
}

package io.mlconnector.writer.servicenow.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.common.event.EventEnvelope;
import io.mlconnector.common.event.SourceSystem;
import io.mlconnector.common.event.Topics;
import io.mlconnector.common.kafka.EventPublisher;
import io.mlconnector.common.kafka.EventPublisher.Outgoing;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;

/**
 * Publishes parked records to {@link Topics#PARKED} under their original key: the original command
 * with the reason, the stage and where it was read, so the console can show and replay it.
 */
@ApplicationScoped
public class ParkedRecords {
  static final String STAGE = "writer.servicenow";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

  private final EventPublisher publisher;

  public ParkedRecords(EventPublisher publisher) {
    this.publisher = publisher;
  }

  /** Publishes and waits for the broker's acknowledgement of every parked record. */
  public void publish(List<RecordOutcome> parked) {
    if (parked.isEmpty()) {
      return;
    }
    publisher.publishAndAwait(parked.stream().map(ParkedRecords::toEvent).toList(), ACK_TIMEOUT);
  }

  private static Outgoing toEvent(RecordOutcome o) {
    EventEnvelope original = o.record().event();
    ObjectNode payload = JSON.createObjectNode();
    payload.put("reason", o.reason());
    payload.put("stage", STAGE);
    if (o.command() != null) {
      payload.put("table", o.command().table());
      payload.put("externalId", o.command().externalId());
    }
    ObjectNode source = payload.putObject("source");
    source.put("topic", o.record().where().topic());
    source.put("partition", o.record().where().partition());
    source.put("offset", o.record().where().offset());
    payload.set("command", original.payload());
    EventEnvelope event = original.derive(original.entity(), SourceSystem.CONNECTOR, payload);
    return new Outgoing(Topics.PARKED, o.record().key(), event);
  }
}

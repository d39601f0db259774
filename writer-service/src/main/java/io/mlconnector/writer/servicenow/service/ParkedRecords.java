package io.mlconnector.writer.servicenow.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.common.event.EventEnvelope;
import io.mlconnector.common.event.ParkedEvent;
import io.mlconnector.common.event.Topics;
import io.mlconnector.common.kafka.EventPublisher.Outgoing;
import io.mlconnector.common.parking.ParkedEvents;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Publishes parked records to {@link Topics#PARKED} under their original key in common's {@link
 * ParkedEvent} shape (the original command, the reason, the stage and where it was read), plus the
 * staging table and external id, so the console can show and replay it.
 */
@ApplicationScoped
public class ParkedRecords {
  static final String STAGE = "writer.servicenow";

  private final ParkedEvents parked;

  public ParkedRecords(ParkedEvents parked) {
    this.parked = parked;
  }

  /** Publishes and waits for the broker's acknowledgement of every parked record. */
  public void publish(List<RecordOutcome> outcomes) {
    parked.publish(outcomes.stream().map(ParkedRecords::toEvent).toList());
  }

  private static Outgoing toEvent(RecordOutcome o) {
    EventEnvelope original = o.record().event();
    EventEnvelope event =
        ParkedEvent.of(
            original, o.record().where().topic(), o.record().key(), STAGE, o.reason(), true);
    ObjectNode payload = (ObjectNode) event.payload();
    if (o.command() != null) {
      payload.put("table", o.command().table());
      payload.put("externalId", o.command().externalId());
    }
    ObjectNode source = payload.putObject("source");
    source.put("topic", o.record().where().topic());
    source.put("partition", o.record().where().partition());
    source.put("offset", o.record().where().offset());
    return new Outgoing(Topics.PARKED, o.record().key(), event);
  }
}

package io.mlconnector.common.parking;

import io.mlconnector.common.audit.AuditEntry;
import io.mlconnector.common.audit.AuditStage;
import io.mlconnector.common.audit.AuditTrail;
import io.mlconnector.common.event.EventEnvelope;
import io.mlconnector.common.event.ParkedEvent;
import io.mlconnector.common.event.PayloadHash;
import io.mlconnector.common.event.Topics;
import io.mlconnector.common.kafka.ConsumedEvent;
import io.mlconnector.common.kafka.EventPublisher;
import io.mlconnector.common.kafka.EventPublisher.Outgoing;
import io.mlconnector.common.kafka.RecordParker;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Parks records: publishes them to {@link Topics#PARKED} in the one {@link ParkedEvent} shape
 * (acknowledged), and writes the audit row. The mapper, the writer and every consumer loop park
 * through here, so the console reads and replays one format.
 */
@ApplicationScoped
public class ParkedEvents implements RecordParker {
  private static final Logger LOG = Logger.getLogger(ParkedEvents.class);
  private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

  private final EventPublisher publisher;
  private final AuditTrail audit;

  public ParkedEvents(EventPublisher publisher, AuditTrail audit) {
    this.publisher = publisher;
    this.audit = audit;
  }

  /** The parked record of a consumed event, to be published under its original key. */
  public static Outgoing parked(ConsumedEvent e, String stage, String reason) {
    return new Outgoing(
        Topics.PARKED,
        e.key(),
        ParkedEvent.of(e.event(), e.where().topic(), e.key(), stage, reason, true));
  }

  /** Publishes parked records and waits for the broker's acknowledgement of every one. */
  public void publish(List<Outgoing> parked) {
    if (!parked.isEmpty()) {
      publisher.publishAndAwait(parked, ACK_TIMEOUT);
    }
  }

  /**
   * Parks one consumed event and records it in the audit trail. The topic is the durable record; an
   * audit row that cannot be written (the very thing that may have failed the record) is logged.
   */
  @Override
  public void park(ConsumedEvent e, String stage, String reason) {
    publish(List.of(parked(e, stage, reason)));
    EventEnvelope event = e.event();
    try {
      audit.record(
          AuditEntry.of(event, AuditStage.PARKED, PayloadHash.of(event.payload()), e.where())
              .withError(AuditStage.PARKED, reason));
    } catch (RuntimeException auditFailed) {
      LOG.warnf(
          "parked %s %s at %s, but its audit row failed: %s",
          event.entity().wireName(), event.sourceId(), e.where(), auditFailed.getMessage());
    }
  }
}

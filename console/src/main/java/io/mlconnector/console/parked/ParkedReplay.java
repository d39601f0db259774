package io.mlconnector.console.parked;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.common.audit.AuditEntry;
import io.mlconnector.common.audit.AuditStage;
import io.mlconnector.common.audit.AuditTrail;
import io.mlconnector.common.event.EventEnvelope;
import io.mlconnector.common.event.PayloadHash;
import io.mlconnector.common.event.SourceSystem;
import io.mlconnector.common.event.Topics;
import io.mlconnector.common.http.ApiException;
import io.mlconnector.common.http.auth.CurrentCaller;
import io.mlconnector.common.kafka.EventPublisher;
import io.mlconnector.common.kafka.EventPublisher.Outgoing;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Sends a parked record back to where it was parked from, once the cause is fixed (a mapping added,
 * a tenant enabled): the mapper's parkings carry the original event, topic and key; the writer's
 * carry the command and the topic it came from. Same trace id, new event id. Targets are
 * idempotent, so replaying something that meanwhile went through writes nothing new.
 *
 * <p>{@code mlc.parked} is not trusted to name the destination: a mapper parking goes back only to
 * the change topic of its entity and source system, a writer parking only to {@code sn.upsert} or
 * {@code qad.invoice.post}. Anything else is refused (400) and nothing is sent. Each replay leaves
 * a {@code REPLAYED} audit row naming the operator.
 */
@ApplicationScoped
public class ParkedReplay {
  private static final Logger LOG = Logger.getLogger(ParkedReplay.class);

  /** Where a writer parking may go back to: the writer's two command topics. */
  static final Set<String> COMMAND_TOPICS = Set.of(Topics.SN_UPSERT, Topics.QAD_INVOICE_POST);

  private final ParkedStore store;
  private final EventPublisher publisher;
  private final AuditTrail audit;
  private final CurrentCaller caller;

  public ParkedReplay(
      ParkedStore store, EventPublisher publisher, AuditTrail audit, CurrentCaller caller) {
    this.store = store;
    this.publisher = publisher;
    this.audit = audit;
    this.caller = caller;
  }

  /**
   * Replays the latest parking of the record (also one already resolved: an operator may replay
   * again) and marks it resolved; returns the topic it went to.
   */
  public String replay(String tenant, String entity, String sourceId) {
    ParkedRecord record =
        store
            .find(tenant, entity, sourceId)
            .orElseThrow(() -> ApiException.notFound("parked " + entity + " " + sourceId));
    Outgoing out = outgoing(record);
    publisher.publishAndAwait(List.of(out), Duration.ofSeconds(30));
    EventEnvelope sent = out.event();
    audit.record(
        AuditEntry.of(sent, AuditStage.REPLAYED, PayloadHash.of(sent.payload()), null)
            .withTarget(out.topic()),
        caller.name());
    store.resolve(record, caller.name(), out.topic());
    LOG.infof(
        "operator %s replayed parked %s %s of tenant %s to %s",
        caller.name(), entity, sourceId, tenant, out.topic());
    return out.topic();
  }

  private static Outgoing outgoing(ParkedRecord record) {
    JsonNode p = record.payload();
    EventEnvelope parked = record.parked();
    if (p.hasNonNull("original")
        && SourceSystem.CONNECTOR.name().equals(p.path("originalSourceSystem").asText())) {
      // A command the writer (or its consumer loop) parked, in common's parked shape.
      String topic = p.path("originalTopic").asText();
      if (!COMMAND_TOPICS.contains(topic)) {
        throw refused(topic, "one of " + COMMAND_TOPICS);
      }
      return new Outgoing(
          topic,
          p.path("originalKey").asText(record.key()),
          rebuild(parked, SourceSystem.CONNECTOR, p.get("original")));
    }
    if (p.hasNonNull("original")) {
      SourceSystem system = sourceSystem(p.path("originalSourceSystem").asText());
      String topic = Topics.changed(system, parked.entity());
      if (!topic.equals(p.path("originalTopic").asText())) {
        throw refused(
            p.path("originalTopic").asText(), "the change topic of this entity: " + topic);
      }
      return new Outgoing(
          topic,
          p.path("originalKey").asText(record.key()),
          rebuild(parked, system, p.get("original")));
    }
    if (p.hasNonNull("command")) {
      String topic = p.path("source").path("topic").asText();
      if (!COMMAND_TOPICS.contains(topic)) {
        throw refused(topic, "one of " + COMMAND_TOPICS);
      }
      return new Outgoing(
          topic, record.key(), rebuild(parked, SourceSystem.CONNECTOR, p.get("command")));
    }
    throw ApiException.badRequest(
        "this parked record carries nothing to replay", "it was parked by an older version");
  }

  private static SourceSystem sourceSystem(String name) {
    if (SourceSystem.QAD.name().equals(name) || SourceSystem.SERVICENOW.name().equals(name)) {
      return SourceSystem.valueOf(name);
    }
    throw refused(name, "a record parked from QAD or SERVICENOW");
  }

  private static ApiException refused(String what, String allowed) {
    return new ApiException(
        400,
        "replay-refused",
        "this parked record names '" + what + "', which is not a replay target",
        "a replay goes only to " + allowed + "; the record was not sent");
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

package io.mlconnector.snpoller.poll;

import io.mlconnector.common.audit.AuditEntry;
import io.mlconnector.common.audit.AuditStage;
import io.mlconnector.common.audit.AuditTrail;
import io.mlconnector.common.event.EntityType;
import io.mlconnector.common.event.EventEnvelope;
import io.mlconnector.common.event.EventKey;
import io.mlconnector.common.event.SourceSystem;
import io.mlconnector.common.event.Topics;
import io.mlconnector.common.kafka.EventPublisher;
import io.mlconnector.snpoller.config.ServiceNowPollerConfig;
import io.mlconnector.snpoller.cursor.CursorStore;
import io.mlconnector.snpoller.cursor.PublishedVersion;
import io.mlconnector.snpoller.read.KeysetPosition;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Publishes the records of one page: drops versions already published (same sys_id and content
 * hash), sends the rest, waits for the broker's acknowledgement of every event, and only then
 * records the versions, the POLLED audit rows and the table's new cursor in one transaction. A
 * crash before that commit re-reads the page next time (at-least-once); nothing is lost.
 */
@ApplicationScoped
public class PagePublisher {
  /** Counts of one page. */
  public record Outcome(int published, int skipped) {}

  private final EventPublisher publisher;
  private final CursorStore store;
  private final AuditTrail audit;
  private final ServiceNowPollerConfig config;

  public PagePublisher(
      EventPublisher publisher,
      CursorStore store,
      AuditTrail audit,
      ServiceNowPollerConfig config) {
    this.publisher = publisher;
    this.store = store;
    this.audit = audit;
    this.config = config;
  }

  /**
   * @param records the page's records, all of {@code entity}; a sys_id seen twice keeps the last
   * @param table whose cursor moves to {@code cursorAfter}
   */
  public Outcome publish(
      String tenant,
      EntityType entity,
      List<ChangedRecord> records,
      SourceTable table,
      KeysetPosition cursorAfter) {
    Map<String, ChangedRecord> latest = new LinkedHashMap<>();
    records.forEach(r -> latest.put(r.sysId(), r));
    Map<String, String> known = store.publishedHashes(tenant, entity.wireName(), latest.keySet());
    List<ChangedRecord> fresh =
        latest.values().stream()
            .filter(r -> !r.contentHash().equals(known.get(r.sysId())))
            .toList();

    List<EventPublisher.Outgoing> outgoing = new ArrayList<>(fresh.size());
    for (ChangedRecord r : fresh) {
      EventEnvelope event =
          EventEnvelope.create(
              tenant,
              entity,
              SourceSystem.SERVICENOW,
              r.sysId(),
              r.sourceVersion(),
              r.updatedAt(),
              r.payload());
      outgoing.add(
          new EventPublisher.Outgoing(
              Topics.changed(SourceSystem.SERVICENOW, entity),
              EventKey.of(tenant, entity, r.sysId()),
              event));
    }
    List<RecordMetadata> acks =
        outgoing.isEmpty()
            ? List.of()
            : publisher.publishAndAwait(outgoing, config.servicenow().publishTimeout());

    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              store.advance(
                  tenant,
                  entity.wireName(),
                  fresh.stream()
                      .map(r -> new PublishedVersion(r.sysId(), r.contentHash(), r.updatedAt()))
                      .toList(),
                  table.cursorName(),
                  cursorAfter.updatedOn(),
                  cursorAfter.sysId());
              for (int i = 0; i < outgoing.size(); i++) {
                RecordMetadata m = acks.get(i);
                audit.record(
                    AuditEntry.of(
                        outgoing.get(i).event(),
                        AuditStage.POLLED,
                        fresh.get(i).contentHash(),
                        new AuditEntry.KafkaCoordinates(m.topic(), m.partition(), m.offset())));
              }
            });
    return new Outcome(fresh.size(), latest.size() - fresh.size());
  }
}

package io.mlconnector.qadpoller.poll;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.common.audit.AuditEntry;
import io.mlconnector.common.audit.AuditStage;
import io.mlconnector.common.audit.AuditTrail;
import io.mlconnector.common.event.EntityType;
import io.mlconnector.common.event.EventEnvelope;
import io.mlconnector.common.event.EventKey;
import io.mlconnector.common.event.PayloadHash;
import io.mlconnector.common.event.SourceSystem;
import io.mlconnector.common.event.Topics;
import io.mlconnector.common.kafka.EventPublisher;
import io.mlconnector.qadclient.browse.QadRecord;
import io.mlconnector.qadpoller.config.QadPollerConfig;
import io.mlconnector.qadpoller.cursor.CursorStore;
import io.mlconnector.qadpoller.cursor.PublishedVersion;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Publishes one page of rows: drops versions already published (same content hash), sends the rest,
 * waits for the broker's acknowledgement of every event, and only then records the versions, the
 * audit rows and the new cursor in one transaction. A crash before that commit re-reads the page
 * next time (at-least-once); nothing is lost.
 */
@ApplicationScoped
public class PagePublisher {
  /** Counts of one page. */
  public record Outcome(int published, int skipped) {}

  private record Candidate(QadRecord row, String hash) {}

  private final EventPublisher publisher;
  private final CursorStore store;
  private final AuditTrail audit;
  private final QadPollerConfig config;

  public PagePublisher(
      EventPublisher publisher, CursorStore store, AuditTrail audit, QadPollerConfig config) {
    this.publisher = publisher;
    this.store = store;
    this.audit = audit;
    this.config = config;
  }

  public Outcome publish(
      String tenant,
      EntityType entity,
      String modifiedField,
      List<QadRecord> rows,
      Instant cursorAfter) {
    Map<String, Candidate> latest = new LinkedHashMap<>();
    for (QadRecord r : rows) {
      latest.put(r.key(), new Candidate(r, contentHash(r.fields(), modifiedField)));
    }
    Map<String, String> known = store.publishedHashes(tenant, entity.wireName(), latest.keySet());
    List<Candidate> fresh =
        latest.values().stream().filter(c -> !c.hash().equals(known.get(c.row().key()))).toList();

    List<EventPublisher.Outgoing> outgoing = new ArrayList<>(fresh.size());
    for (Candidate c : fresh) {
      QadRecord r = c.row();
      EventEnvelope event =
          EventEnvelope.create(
              tenant,
              entity,
              SourceSystem.QAD,
              r.sourceId(),
              r.modified() + "#" + c.hash(),
              r.modified(),
              r.fields());
      outgoing.add(
          new EventPublisher.Outgoing(
              Topics.changed(SourceSystem.QAD, entity),
              EventKey.of(tenant, entity, r.businessKey()),
              event));
    }
    List<RecordMetadata> acks =
        outgoing.isEmpty()
            ? List.of()
            : publisher.publishAndAwait(outgoing, config.qad().publishTimeout());

    String lastKey = rows.isEmpty() ? null : rows.get(rows.size() - 1).key();
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              store.advance(
                  tenant,
                  entity.wireName(),
                  fresh.stream()
                      .map(c -> new PublishedVersion(c.row().key(), c.hash(), c.row().modified()))
                      .toList(),
                  cursorAfter,
                  lastKey);
              for (int i = 0; i < outgoing.size(); i++) {
                RecordMetadata m = acks.get(i);
                audit.record(
                    AuditEntry.of(
                        outgoing.get(i).event(),
                        AuditStage.POLLED,
                        fresh.get(i).hash(),
                        new AuditEntry.KafkaCoordinates(m.topic(), m.partition(), m.offset())));
              }
            });
    return new Outcome(fresh.size(), rows.size() - fresh.size());
  }

  /** Hash of the row's content without its modified time: a touch without change is no change. */
  static String contentHash(ObjectNode fields, String modifiedField) {
    ObjectNode content = fields.deepCopy();
    content.remove(modifiedField);
    return PayloadHash.of(content);
  }
}

package io.mlconnector.pollercore.publish;

import io.mlconnector.common.audit.AuditEntry;
import io.mlconnector.common.audit.AuditStage;
import io.mlconnector.common.audit.AuditTrail;
import io.mlconnector.common.event.EntityType;
import io.mlconnector.common.event.EventEnvelope;
import io.mlconnector.common.event.EventKey;
import io.mlconnector.common.event.SourceSystem;
import io.mlconnector.common.event.Topics;
import io.mlconnector.common.kafka.EventPublisher;
import io.mlconnector.pollercore.config.PollerSettings;
import io.mlconnector.pollercore.cursor.CursorPosition;
import io.mlconnector.pollercore.cursor.CursorStore;
import io.mlconnector.pollercore.cursor.PublishedVersion;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Publishes one page of records: drops versions already published (same key and content hash),
 * sends the rest, waits for the broker's acknowledgement of every event, and only then records the
 * versions (the page's records' newest modified times too), the POLLED audit rows and the new
 * cursor in one transaction. A crash before that commit re-reads the page next time
 * (at-least-once); nothing is lost. {@link #pipelined} lets a poll read its next page while the
 * previous one is published.
 */
@ApplicationScoped
public class PagePublisher {
  private final EventPublisher publisher;
  private final CursorStore store;
  private final AuditTrail audit;
  private final PollerSettings settings;

  /** Publishes the pages of {@link #pipelined} polls: one thread per poll that is publishing. */
  private final ExecutorService pipelines =
      Executors.newCachedThreadPool(
          new ThreadFactory() {
            private final AtomicInteger count = new AtomicInteger();

            @Override
            public Thread newThread(Runnable r) {
              Thread t = new Thread(r, "page-publisher-" + count.incrementAndGet());
              t.setDaemon(true);
              return t;
            }
          });

  public PagePublisher(
      EventPublisher publisher, CursorStore store, AuditTrail audit, PollerSettings settings) {
    this.publisher = publisher;
    this.store = store;
    this.audit = audit;
    this.settings = settings;
  }

  /**
   * @param records the page's records, all of {@code entity}; a key seen twice keeps the last
   * @param cursorAfter where the cursor moves once acknowledged, or {@code null} to keep it
   */
  public PageOutcome publish(
      String tenant,
      SourceSystem source,
      EntityType entity,
      List<PolledRecord> records,
      CursorPosition cursorAfter) {
    Map<String, PolledRecord> latest = new LinkedHashMap<>();
    records.forEach(r -> latest.put(r.recordKey(), r));
    Map<String, String> known = store.publishedHashes(tenant, entity.wireName(), latest.keySet());
    List<PolledRecord> fresh =
        latest.values().stream()
            .filter(r -> !r.contentHash().equals(known.get(r.recordKey())))
            .toList();

    List<EventPublisher.Outgoing> outgoing = new ArrayList<>(fresh.size());
    for (PolledRecord r : fresh) {
      EventEnvelope event =
          EventEnvelope.create(
              tenant, entity, source, r.sourceId(), r.sourceVersion(), r.modifiedAt(), r.payload());
      outgoing.add(
          new EventPublisher.Outgoing(
              Topics.changed(source, entity), EventKey.of(tenant, entity, r.businessKey()), event));
    }
    List<RecordMetadata> acks =
        outgoing.isEmpty()
            ? List.of()
            : publisher.publishAndAwait(outgoing, settings.publishTimeout());

    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              // Skipped records too: a re-read unchanged record may carry a newer modified time,
              // which keeps its version from being pruned while polls still meet it.
              store.advance(
                  tenant,
                  entity.wireName(),
                  latest.values().stream()
                      .map(
                          r -> new PublishedVersion(r.recordKey(), r.contentHash(), r.modifiedAt()))
                      .toList(),
                  cursorAfter);
              List<AuditEntry> rows = new ArrayList<>(outgoing.size());
              for (int i = 0; i < outgoing.size(); i++) {
                rows.add(auditEntry(outgoing.get(i), fresh.get(i), acks.get(i)));
              }
              audit.recordAll(rows); // one JDBC batch per page
            });
    return new PageOutcome(fresh.size(), records.size() - fresh.size());
  }

  /**
   * Runs one poll's reading with a {@link PagePipeline}: the pages it hands over are published in
   * order on another thread while it reads on. Returns once every page is published; throws the
   * reader's failure or the first page's (pages after a failed one are not published).
   */
  public void pipelined(Consumer<PagePipeline> reading) {
    PagePipeline pipeline = new PagePipeline(pipelines);
    try {
      reading.accept(pipeline);
    } catch (RuntimeException e) {
      pipeline.finishAfter(e);
      throw e;
    }
    pipeline.finish();
  }

  @PreDestroy
  void stop() {
    pipelines.shutdownNow();
  }

  /** POLLED, or PARKED when the event was too large to publish (the publisher parked it). */
  private static AuditEntry auditEntry(
      EventPublisher.Outgoing o, PolledRecord r, RecordMetadata m) {
    var where = new AuditEntry.KafkaCoordinates(m.topic(), m.partition(), m.offset());
    if (Topics.PARKED.equals(m.topic()) && !Topics.PARKED.equals(o.topic())) {
      return AuditEntry.of(o.event(), AuditStage.PARKED, r.contentHash(), where)
          .withError(
              AuditStage.PARKED,
              "record over mlc.kafka.max-record-bytes; parked on "
                  + Topics.PARKED
                  + " with reason");
    }
    return AuditEntry.of(o.event(), AuditStage.POLLED, r.contentHash(), where);
  }
}

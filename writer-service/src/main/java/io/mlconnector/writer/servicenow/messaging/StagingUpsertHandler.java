package io.mlconnector.writer.servicenow.messaging;

import io.mlconnector.common.audit.AuditEntry.KafkaCoordinates;
import io.mlconnector.common.audit.AuditStage;
import io.mlconnector.common.kafka.BatchHandler;
import io.mlconnector.common.kafka.ConsumedEvent;
import io.mlconnector.common.kafka.RecordFailure;
import io.mlconnector.writer.deferral.Deferral;
import io.mlconnector.writer.deferral.DeferredQueue;
import io.mlconnector.writer.servicenow.service.IncomingUpsert;
import io.mlconnector.writer.servicenow.service.RecordOutcome;
import io.mlconnector.writer.servicenow.service.StagingBatchProcessor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A whole poll of {@code sn.upsert} to the {@link StagingBatchProcessor} (so lookups are batched).
 * Its FAILED outcomes (ServiceNow down, throttled, bad token) are outages: with deferral on, those
 * records, and every later record of a key that already has records waiting, go to the tenant's
 * deferred queue so the partition, and every other tenant on it, moves on; with deferral off they
 * are retried in place by the loop. Never parked for an outage. Anything the processor throws is
 * handled by common's loop (one at a time, then parked after repeated identical failures).
 */
final class StagingUpsertHandler implements BatchHandler {
  private final StagingBatchProcessor processor;
  private final Deferral deferral;

  StagingUpsertHandler(StagingBatchProcessor processor, Deferral deferral) {
    this.processor = processor;
    this.deferral = deferral;
  }

  @Override
  public List<RecordFailure> handle(List<ConsumedEvent> events) {
    if (!deferral.enabled()) {
      return processor.process(incoming(events)).stream()
          .filter(o -> o.stage() == AuditStage.FAILED)
          .map(o -> RecordFailure.retry(o.record().where(), o.reason()))
          .toList();
    }
    Set<String> waiting = deferral.waitingKeys(StagingDeferredLane.LANE, events);
    List<ConsumedEvent> direct =
        events.stream().filter(e -> !waiting.contains(DeferredQueue.orderKey(e))).toList();
    Map<KafkaCoordinates, String> failed = new HashMap<>();
    for (RecordOutcome o : processor.process(incoming(direct), false)) {
      if (o.stage() == AuditStage.FAILED) {
        failed.put(o.record().where(), o.reason());
      }
    }
    // In consumption order, so each key's records queue up in the order they were written.
    deferral.defer(
        StagingDeferredLane.LANE,
        events.stream()
            .filter(
                e -> waiting.contains(DeferredQueue.orderKey(e)) || failed.containsKey(e.where()))
            .toList(),
        e -> failed.containsKey(e.where()) ? failed.get(e.where()) : Deferral.behindQueue(e));
    return List.of();
  }

  static List<IncomingUpsert> incoming(List<ConsumedEvent> events) {
    return events.stream().map(e -> new IncomingUpsert(e.event(), e.key(), e.where())).toList();
  }
}

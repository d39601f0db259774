package io.mlconnector.writer.servicenow.messaging;

import io.mlconnector.common.audit.AuditStage;
import io.mlconnector.common.kafka.BatchHandler;
import io.mlconnector.common.kafka.ConsumedEvent;
import io.mlconnector.common.kafka.RecordFailure;
import io.mlconnector.writer.servicenow.service.IncomingUpsert;
import io.mlconnector.writer.servicenow.service.StagingBatchProcessor;
import java.util.List;

/**
 * A whole poll of {@code sn.upsert} to the {@link StagingBatchProcessor} (so lookups are batched);
 * its FAILED outcomes (ServiceNow down, throttled, bad token) are outages, retried by the loop and
 * never parked. Anything the processor throws is handled by common's loop (one at a time, then
 * parked after repeated identical failures).
 */
final class StagingUpsertHandler implements BatchHandler {
  private final StagingBatchProcessor processor;

  StagingUpsertHandler(StagingBatchProcessor processor) {
    this.processor = processor;
  }

  @Override
  public List<RecordFailure> handle(List<ConsumedEvent> events) {
    List<IncomingUpsert> incoming =
        events.stream().map(e -> new IncomingUpsert(e.event(), e.key(), e.where())).toList();
    return processor.process(incoming).stream()
        .filter(o -> o.stage() == AuditStage.FAILED)
        .map(o -> RecordFailure.retry(o.record().where(), o.reason()))
        .toList();
  }
}

package io.mlconnector.writer.servicenow.messaging;

import io.mlconnector.common.audit.AuditEntry.KafkaCoordinates;
import io.mlconnector.common.audit.AuditStage;
import io.mlconnector.common.kafka.ConsumedEvent;
import io.mlconnector.writer.deferral.DeferredLane;
import io.mlconnector.writer.servicenow.service.RecordOutcome;
import io.mlconnector.writer.servicenow.service.StagingBatchProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Deferred {@code sn.upsert} records of one tenant through the same processor as the consumer
 * (batched lookups, ledger, versions only forward). A FAILED record stays deferred; within a batch
 * only the latest record of an external id is written (the earlier ones are superseded), so a
 * record that stays never has an older record of its key written after it.
 */
@ApplicationScoped
public class StagingDeferredLane implements DeferredLane {
  static final String LANE = "servicenow";

  private final StagingBatchProcessor processor;

  public StagingDeferredLane(StagingBatchProcessor processor) {
    this.processor = processor;
  }

  @Override
  public String name() {
    return LANE;
  }

  @Override
  public String stage() {
    return StagingUpsertConsumer.STAGE;
  }

  @Override
  public List<ConsumedEvent> replay(List<ConsumedEvent> events) {
    Set<KafkaCoordinates> failed = new HashSet<>();
    for (RecordOutcome o : processor.process(StagingUpsertHandler.incoming(events), false)) {
      if (o.stage() == AuditStage.FAILED) {
        failed.add(o.record().where());
      }
    }
    return events.stream().filter(e -> failed.contains(e.where())).toList();
  }
}

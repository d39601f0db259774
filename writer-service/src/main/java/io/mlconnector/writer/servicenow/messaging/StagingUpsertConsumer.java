package io.mlconnector.writer.servicenow.messaging;

import io.mlconnector.common.event.Topics;
import io.mlconnector.common.kafka.ConsumerLoops;
import io.mlconnector.common.kafka.EventConsumerLoop;
import io.mlconnector.common.kafka.LoopSettings;
import io.mlconnector.writer.config.WriterConfig;
import io.mlconnector.writer.deferral.Deferral;
import io.mlconnector.writer.servicenow.service.StagingBatchProcessor;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

/**
 * Runs the {@code sn.upsert} consumer (group {@code mlc.writer.consumer-groups.servicenow}) on
 * common's consumer loop, with the writer's own retry pauses.
 */
@ApplicationScoped
public class StagingUpsertConsumer {
  static final String STAGE = "writer.servicenow";

  private final WriterConfig config;
  private final StagingBatchProcessor processor;
  private final ConsumerLoops loops;
  private final Deferral deferral;
  private EventConsumerLoop loop;

  public StagingUpsertConsumer(
      WriterConfig config,
      StagingBatchProcessor processor,
      ConsumerLoops loops,
      Deferral deferral) {
    this.config = config;
    this.processor = processor;
    this.loops = loops;
    this.deferral = deferral;
  }

  synchronized void onStart(@Observes StartupEvent event) {
    if (!config.servicenow().enabled() || loop != null) {
      return;
    }
    LoopSettings settings =
        loops
            .settings(STAGE, config.consumerGroups().servicenow(), List.of(Topics.SN_UPSERT))
            .withBackoff(config.servicenow().retryBackoff(), config.servicenow().maxRetryBackoff());
    loop =
        loops.start(
            settings,
            config.servicenow().maxPollRecords(),
            new StagingUpsertHandler(processor, deferral));
  }

  synchronized void onStop(@Observes ShutdownEvent event) {
    if (loop != null) {
      loops.stop(loop);
      loop = null;
    }
  }
}

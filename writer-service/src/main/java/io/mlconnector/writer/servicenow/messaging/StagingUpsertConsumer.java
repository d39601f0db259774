package io.mlconnector.writer.servicenow.messaging;

import io.mlconnector.common.event.Topics;
import io.mlconnector.common.kafka.ConsumerLoops;
import io.mlconnector.common.kafka.EventConsumerLoop;
import io.mlconnector.common.kafka.FetchFill;
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
 * common's consumer loop, with the writer's own retry pauses and fetches the broker may hold up to
 * {@code mlc.writer.servicenow.fetch-wait} to fill a poll.
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
            fill(config.servicenow()),
            new StagingUpsertHandler(processor, deferral));
  }

  /** Fuller polls, fewer Batch calls; a wait of 0 keeps Kafka's answer-at-once fetches. */
  static FetchFill fill(WriterConfig.ServiceNow config) {
    return config.fetchWait().isZero()
        ? FetchFill.NONE
        : new FetchFill(config.fetchMinBytes(), config.fetchWait());
  }

  synchronized void onStop(@Observes ShutdownEvent event) {
    if (loop != null) {
      loops.stop(loop);
      loop = null;
    }
  }
}

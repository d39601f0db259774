package io.mlconnector.mapper.messaging;

import io.mlconnector.common.event.Topics;
import io.mlconnector.common.kafka.ConsumerLoops;
import io.mlconnector.common.kafka.EventConsumerLoop;
import io.mlconnector.mapper.config.MapperConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

/** Runs the mapper's consumer loop over every source change topic for the app's lifetime. */
@ApplicationScoped
public class SourceEventConsumer {
  static final List<String> TOPICS =
      List.of(
          Topics.QAD_SUPPLIER_CHANGED,
          Topics.QAD_PO_CHANGED,
          Topics.QAD_DIMENSION_CHANGED,
          Topics.SN_INVOICE_CHANGED,
          Topics.SN_DIMENSION_CHANGED);
  private static final int MAX_POLL_RECORDS = 500;

  private final MapperConfig config;
  private final SourceEventHandler handler;
  private final ConsumerLoops loops;
  private EventConsumerLoop loop;

  public SourceEventConsumer(MapperConfig config, SourceEventHandler handler, ConsumerLoops loops) {
    this.config = config;
    this.handler = handler;
    this.loops = loops;
  }

  synchronized void onStart(@Observes StartupEvent event) {
    if (loop == null) {
      loop =
          loops.start(
              loops.settings("mapper", config.consumerGroup(), TOPICS), MAX_POLL_RECORDS, handler);
    }
  }

  synchronized void onStop(@Observes ShutdownEvent event) {
    if (loop != null) {
      loops.stop(loop);
      loop = null;
    }
  }
}

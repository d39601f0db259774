package io.mlconnector.mapper.messaging;

import io.mlconnector.common.event.Topics;
import io.mlconnector.common.kafka.ConsumerLoops;
import io.mlconnector.common.kafka.EventConsumerLoop;
import io.mlconnector.common.kafka.EventPublisher;
import io.mlconnector.mapper.config.MapperConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;

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

  private final EventConsumerLoop loop;

  public SourceEventConsumer(
      @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
      MapperConfig config,
      SourceEventHandler handler,
      EventPublisher publisher,
      ConsumerLoops loops) {
    this.loop =
        new EventConsumerLoop(kafkaConfig, config.consumerGroup(), TOPICS, handler, publisher);
    loops.register(loop);
  }

  void onStart(@Observes StartupEvent event) {
    loop.start();
  }

  void onStop(@Observes ShutdownEvent event) {
    loop.close();
  }
}

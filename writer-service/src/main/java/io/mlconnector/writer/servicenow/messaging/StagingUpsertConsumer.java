package io.mlconnector.writer.servicenow.messaging;

import io.mlconnector.common.event.Topics;
import io.mlconnector.common.kafka.EventPublisher;
import io.mlconnector.common.kafka.KafkaSettings;
import io.mlconnector.writer.config.WriterConfig;
import io.mlconnector.writer.servicenow.service.StagingBatchProcessor;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/** Runs the {@code sn.upsert} consumer (group {@code mlc.writer.consumer-groups.servicenow}). */
@ApplicationScoped
public class StagingUpsertConsumer {
  private static final Logger LOG = Logger.getLogger(StagingUpsertConsumer.class);

  private final Map<String, Object> kafkaConfig;
  private final WriterConfig config;
  private final StagingBatchProcessor processor;
  private final EventPublisher publisher;
  private final AtomicBoolean running = new AtomicBoolean();
  private volatile KafkaConsumer<String, byte[]> consumer;
  private Thread thread;

  public StagingUpsertConsumer(
      @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
      WriterConfig config,
      StagingBatchProcessor processor,
      EventPublisher publisher) {
    this.kafkaConfig = kafkaConfig;
    this.config = config;
    this.processor = processor;
    this.publisher = publisher;
  }

  void onStart(@Observes StartupEvent event) {
    if (config.servicenow().enabled() && running.compareAndSet(false, true)) {
      consumer = new KafkaConsumer<>(consumerConfig());
      thread = new Thread(this::run, "consumer-" + config.consumerGroups().servicenow());
      thread.start();
    }
  }

  private void run() {
    PartitionPauses pauses =
        new PartitionPauses(
            config.servicenow().retryBackoff(), config.servicenow().maxRetryBackoff());
    StagingBatchLoop loop = new StagingBatchLoop(consumer, processor, publisher, pauses);
    consumer.subscribe(
        List.of(Topics.SN_UPSERT),
        new ConsumerRebalanceListener() {
          @Override
          public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            pauses.revoked(partitions);
          }

          @Override
          public void onPartitionsAssigned(Collection<TopicPartition> partitions) {}
        });
    try {
      while (running.get()) {
        loop.pollOnce();
      }
    } catch (WakeupException stopping) {
      // onStop woke us up.
    } catch (RuntimeException e) {
      LOG.error("sn.upsert consumer stopped", e);
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  private Map<String, Object> consumerConfig() {
    Map<String, Object> c = new HashMap<>(KafkaSettings.clientSettings(kafkaConfig));
    c.put(ConsumerConfig.GROUP_ID_CONFIG, config.consumerGroups().servicenow());
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    c.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.servicenow().maxPollRecords());
    c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    return c;
  }

  void onStop(@Observes ShutdownEvent event) {
    if (running.compareAndSet(true, false)) {
      consumer.wakeup();
      try {
        thread.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}

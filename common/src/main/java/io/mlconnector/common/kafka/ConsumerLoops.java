package io.mlconnector.common.kafka;

import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Every consumer loop of the service is started here, so each is registered for the readiness check
 * (DOWN while any loop is not consuming) and all share one failure design ({@link
 * EventConsumerLoop}) and the {@code mlc.kafka.*} settings.
 */
@ApplicationScoped
public class ConsumerLoops {
  private final Map<String, Object> kafkaConfig;
  private final KafkaConfig config;
  private final EventPublisher publisher;
  private final RecordParker parker;
  private final List<EventConsumerLoop> loops = new CopyOnWriteArrayList<>();

  @Inject
  public ConsumerLoops(
      @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
      KafkaConfig config,
      EventPublisher publisher,
      RecordParker parker) {
    this.kafkaConfig = kafkaConfig;
    this.config = KafkaSecurity.requireUsable(config);
    this.publisher = publisher;
    this.parker = parker;
  }

  /** The settings of a loop from {@code mlc.kafka.*}; callers may adjust them. */
  public LoopSettings settings(String stage, String groupId, Collection<String> topics) {
    return new LoopSettings(
        stage,
        groupId,
        topics,
        config.consumer().maxAttempts(),
        config.consumer().retryBackoff(),
        config.consumer().maxRetryBackoff(),
        config.maxRecordBytes(),
        failure -> false);
  }

  /** Creates, registers and starts a loop; it runs until {@link #stop} or shutdown. */
  public EventConsumerLoop start(LoopSettings settings, int maxPollRecords, BatchHandler handler) {
    return start(settings, maxPollRecords, FetchFill.NONE, handler);
  }

  /** {@link #start}, with fetches the broker may hold to fill them ({@link FetchFill}). */
  public EventConsumerLoop start(
      LoopSettings settings, int maxPollRecords, FetchFill fill, BatchHandler handler) {
    EventConsumerLoop loop =
        new EventConsumerLoop(
            new KafkaConsumer<>(consumerConfig(settings, maxPollRecords, fill)),
            settings,
            handler,
            publisher,
            parker);
    register(loop);
    loop.start();
    return loop;
  }

  /** Adds a loop to the readiness check. */
  public void register(EventConsumerLoop loop) {
    loops.add(loop);
  }

  /** Stops and forgets a loop. */
  public void stop(EventConsumerLoop loop) {
    loop.close();
    loops.remove(loop);
  }

  public List<EventConsumerLoop> all() {
    return List.copyOf(loops);
  }

  @PreDestroy
  void stopAll() {
    loops.forEach(this::stop);
  }

  Map<String, Object> consumerConfig(LoopSettings settings, int maxPollRecords, FetchFill fill) {
    Map<String, Object> c = new HashMap<>(KafkaSettings.clientSettings(kafkaConfig));
    if (!fill.equals(FetchFill.NONE)) {
      c.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, fill.minBytes());
      c.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) fill.maxWait().toMillis());
    }
    c.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    c.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
    // Fetch at least one whole record of the largest size any producer may send.
    int fetch = settings.maxRecordBytes() + EventPublisher.RECORD_OVERHEAD_BYTES;
    c.merge(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, fetch, ConsumerLoops::atLeast);
    c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    return c;
  }

  private static Object atLeast(Object configured, Object needed) {
    return Math.max(Integer.parseInt(configured.toString()), (Integer) needed);
  }
}

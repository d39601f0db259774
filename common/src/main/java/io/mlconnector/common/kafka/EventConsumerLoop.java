package io.mlconnector.common.kafka;

import io.mlconnector.common.audit.AuditEntry.KafkaCoordinates;
import io.mlconnector.common.event.EnvelopeCodec;
import io.mlconnector.common.event.EnvelopeFormatException;
import io.mlconnector.common.event.EventEnvelope;
import io.mlconnector.common.event.Topics;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * At-least-once consumption in key order: one thread polls, hands each event to the handler in
 * partition order, and commits offsets only after the whole poll batch was handled. An unreadable
 * event goes to {@link Topics#DLQ} with the reason; a handler failure rewinds to that event and
 * retries it after a bounded backoff, so later events of the partition never overtake it.
 */
public final class EventConsumerLoop implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(EventConsumerLoop.class);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
  private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(30);

  private final KafkaConsumer<String, byte[]> consumer;
  private final Collection<String> topics;
  private final EventHandler handler;
  private final EventPublisher dlq;
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicBoolean assigned = new AtomicBoolean();
  private final String groupId;
  private final Thread thread;

  public EventConsumerLoop(
      Map<String, Object> kafkaConfig,
      String groupId,
      Collection<String> topics,
      EventHandler handler,
      EventPublisher dlq) {
    Map<String, Object> config = new HashMap<>(KafkaSettings.clientSettings(kafkaConfig));
    config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    config.put(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    this.consumer = new KafkaConsumer<>(config);
    this.groupId = groupId;
    this.topics = topics;
    this.handler = handler;
    this.dlq = dlq;
    this.thread = new Thread(this::run, "consumer-" + groupId);
  }

  public void start() {
    if (running.compareAndSet(false, true)) {
      thread.start();
    }
  }

  private void run() {
    consumer.subscribe(topics, new AssignmentTracker());
    int failures = 0;
    try {
      while (running.get()) {
        try {
          ConsumerRecords<String, byte[]> batch = consumer.poll(Duration.ofMillis(500));
          if (handleBatch(batch)) {
            failures = 0;
          } else {
            failures++;
            sleep(backoff(failures));
          }
        } catch (WakeupException stopping) {
          break;
        } catch (RuntimeException e) {
          // The loop must outlive any failure (broker hiccup, DLQ unavailable, commit timeout):
          // go back to the last committed offsets so nothing polled but unhandled is skipped.
          failures++;
          LOG.errorf(e, "consumer %s failed; rewinding to committed offsets", groupId);
          rewindToCommitted();
          sleep(backoff(failures));
        }
      }
    } finally {
      assigned.set(false);
      consumer.close(Duration.ofSeconds(5));
    }
  }

  private void rewindToCommitted() {
    try {
      Set<TopicPartition> assignment = consumer.assignment();
      Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(assignment);
      for (TopicPartition p : assignment) {
        OffsetAndMetadata offset = committed.get(p);
        if (offset != null) {
          consumer.seek(p, offset.offset());
        } else {
          consumer.seekToBeginning(List.of(p));
        }
      }
    } catch (RuntimeException e) {
      LOG.warnf("consumer %s cannot rewind yet (%s); will retry", groupId, e.getMessage());
    }
  }

  /** True once the group gave this consumer its partitions and the loop is running. */
  public boolean ready() {
    return running.get() && thread.isAlive() && assigned.get();
  }

  public String groupId() {
    return groupId;
  }

  /** Readiness follows the group: a consumer between rebalances has nothing to read yet. */
  private final class AssignmentTracker implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      assigned.set(false);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      assigned.set(true);
    }
  }

  /**
   * Handles each partition's records in order and commits what succeeded. A failed record is
   * rewound to, so its partition resumes there; other partitions are independent and go on.
   *
   * @return true if every record was handled
   */
  private boolean handleBatch(ConsumerRecords<String, byte[]> batch) {
    Map<TopicPartition, OffsetAndMetadata> handled = new HashMap<>();
    boolean complete = true;
    for (TopicPartition partition : batch.partitions()) {
      for (ConsumerRecord<String, byte[]> record : batch.records(partition)) {
        if (!running.get() || !handleOne(record)) {
          consumer.seek(partition, record.offset());
          complete = false;
          break;
        }
        handled.put(partition, new OffsetAndMetadata(record.offset() + 1));
      }
    }
    if (!handled.isEmpty()) {
      consumer.commitSync(handled);
    }
    return complete;
  }

  private boolean handleOne(ConsumerRecord<String, byte[]> record) {
    KafkaCoordinates where =
        new KafkaCoordinates(record.topic(), record.partition(), record.offset());
    EventEnvelope event;
    try {
      event = EnvelopeCodec.read(record.value());
    } catch (EnvelopeFormatException malformed) {
      LOG.warnf(
          "unreadable event at %s, sent to %s: %s", where, Topics.DLQ, malformed.getMessage());
      dlq.publishRawAndAwait(
          Topics.DLQ, record.key(), record.value(), malformed.getMessage(), PUBLISH_TIMEOUT);
      return true;
    }
    try {
      handler.handle(event, where);
      return true;
    } catch (Exception e) {
      LOG.errorf(
          e, "handling %s %s at %s failed; will retry", event.entity(), event.sourceId(), where);
      return false;
    }
  }

  static Duration backoff(int failures) {
    long millis = Math.min(MAX_BACKOFF.toMillis(), 200L << Math.min(failures, 10));
    return Duration.ofMillis(millis / 2 + (long) (Math.random() * millis / 2));
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
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

package io.mlconnector.common.kafka;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.mlconnector.common.event.EntityType;
import io.mlconnector.common.event.EnvelopeCodec;
import io.mlconnector.common.event.EventEnvelope;
import io.mlconnector.common.event.SourceSystem;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A consumer loop over Kafka's {@code MockConsumer} (with switchable failures of seek, committed
 * and commit) and {@code MockProducer}s for the dead-letter topic, recording what was parked.
 */
final class LoopHarness implements AutoCloseable {
  static final String TOPIC = "t.in";
  static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
  static final TopicPartition P1 = new TopicPartition(TOPIC, 1);

  final FaultyConsumer consumer = new FaultyConsumer();
  final MockProducer<String, byte[]> dlqProducer =
      new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
  final List<String> parked = new CopyOnWriteArrayList<>();
  final EventConsumerLoop loop;

  LoopHarness(BatchHandler handler, int maxAttempts, Predicate<Throwable> alsoTransient) {
    LoopSettings settings =
        new LoopSettings(
            "test",
            "g",
            List.of(TOPIC),
            maxAttempts,
            Duration.ofMillis(10),
            Duration.ofMillis(50),
            EnvelopeCodec.MAX_EVENT_BYTES,
            alsoTransient);
    RecordParker parker = (e, stage, reason) -> parked.add(e.where().offset() + " " + reason);
    loop =
        new EventConsumerLoop(
            consumer,
            settings,
            handler,
            new EventPublisher(dlqProducer, EnvelopeCodec.MAX_EVENT_BYTES),
            parker);
    consumer.schedulePollTask(
        () -> {
          consumer.rebalance(List.of(P0, P1));
          consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
        });
    loop.start();
    await().atMost(Duration.ofSeconds(10)).until(loop::ready);
  }

  void add(TopicPartition p, long offset, byte[] value) {
    consumer.append(new ConsumerRecord<>(TOPIC, p.partition(), offset, "k" + offset, value));
  }

  void add(TopicPartition p, long offset) {
    add(p, offset, event("R" + p.partition() + "-" + offset));
  }

  long committed(TopicPartition p) {
    OffsetAndMetadata o = consumer.committedWithoutFaults(p);
    return o == null ? -1 : o.offset();
  }

  static byte[] event(String sourceId) {
    return EnvelopeCodec.write(
        EventEnvelope.create(
            "acme",
            EntityType.SUPPLIER,
            SourceSystem.QAD,
            sourceId,
            "v1",
            Instant.parse("2026-01-01T00:00:00Z"),
            JsonNodeFactory.instance.objectNode()));
  }

  @Override
  public void close() {
    loop.close();
  }

  /**
   * A MockConsumer that keeps its records like a log (MockConsumer hands each record out once; a
   * rewind must read it again), and whose seek, committed and commitSync fail as often as asked.
   */
  static final class FaultyConsumer extends MockConsumer<String, byte[]> {
    final AtomicInteger seekFailures = new AtomicInteger();
    final AtomicInteger committedFailures = new AtomicInteger();
    final AtomicInteger commitFailures = new AtomicInteger();
    private final Map<TopicPartition, List<ConsumerRecord<String, byte[]>>> log = new HashMap<>();

    FaultyConsumer() {
      super("earliest");
    }

    synchronized void append(ConsumerRecord<String, byte[]> r) {
      log.computeIfAbsent(new TopicPartition(r.topic(), r.partition()), p -> new ArrayList<>())
          .add(r);
    }

    @Override
    public synchronized ConsumerRecords<String, byte[]> poll(Duration timeout) {
      for (TopicPartition p : assignment()) {
        long position = position(p);
        log.getOrDefault(p, List.of()).stream()
            .filter(r -> r.offset() >= position)
            .forEach(this::addRecord);
      }
      return super.poll(timeout);
    }

    synchronized OffsetAndMetadata committedWithoutFaults(TopicPartition p) {
      return super.committed(Set.of(p)).get(p);
    }

    @Override
    public synchronized void seek(TopicPartition partition, long offset) {
      if (seekFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        throw new KafkaException("seek failed (test)");
      }
      super.seek(partition, offset);
    }

    @Override
    public synchronized Map<TopicPartition, OffsetAndMetadata> committed(
        Set<TopicPartition> partitions) {
      if (committedFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        throw new KafkaException("committed failed (test)");
      }
      return super.committed(partitions);
    }

    @Override
    public synchronized void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
      if (commitFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        throw new KafkaException("commit failed (test)");
      }
      super.commitSync(offsets);
    }
  }
}

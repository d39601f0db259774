package io.mlconnector.common.kafka;

import io.mlconnector.common.event.EnvelopeCodec;
import io.mlconnector.common.event.EventEnvelope;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes envelopes with {@code acks=all} and idempotence on, so "acknowledged" means the event
 * is durable. Callers that move a cursor use {@link #publishAndAwait}: the cursor may only advance
 * once every event of the page is acknowledged.
 */
@ApplicationScoped
public class EventPublisher {
  /** An event bound for a topic under a key. */
  public record Outgoing(String topic, String key, EventEnvelope event) {}

  private final Producer<String, byte[]> producer;

  public EventPublisher(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
    this.producer = new KafkaProducer<>(producerConfig(kafkaConfig));
  }

  static Map<String, Object> producerConfig(Map<String, Object> kafkaConfig) {
    Map<String, Object> config = new HashMap<>(KafkaSettings.clientSettings(kafkaConfig));
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
    config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
    config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
    return config;
  }

  /**
   * Sends every event and waits until the broker acknowledged all of them.
   *
   * @return the coordinates of each event, in the order given
   * @throws PublishException if any event was not acknowledged within the timeout
   */
  public List<RecordMetadata> publishAndAwait(List<Outgoing> events, Duration timeout) {
    List<Future<RecordMetadata>> pending = new ArrayList<>(events.size());
    for (Outgoing o : events) {
      pending.add(
          producer.send(new ProducerRecord<>(o.topic(), o.key(), EnvelopeCodec.write(o.event()))));
    }
    // The caller waits anyway: send now instead of lingering for more records.
    producer.flush();
    return await(pending, timeout);
  }

  /** Forwards bytes that are not a readable event (to the DLQ), with the reason as a header. */
  public RecordMetadata publishRawAndAwait(
      String topic, String key, byte[] value, String reason, Duration timeout) {
    ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
    record.headers().add("mlc-reason", reason.getBytes(StandardCharsets.UTF_8));
    Future<RecordMetadata> sent = producer.send(record);
    producer.flush();
    return await(List.of(sent), timeout).get(0);
  }

  private static List<RecordMetadata> await(List<Future<RecordMetadata>> pending, Duration t) {
    long deadline = System.nanoTime() + t.toNanos();
    List<RecordMetadata> acked = new ArrayList<>(pending.size());
    try {
      for (Future<RecordMetadata> f : pending) {
        acked.add(f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PublishException("interrupted while waiting for broker acknowledgements", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new PublishException(
          "broker did not acknowledge " + (pending.size() - acked.size()) + " event(s)", e);
    }
    return acked;
  }

  @PreDestroy
  void close() {
    producer.close(Duration.ofSeconds(5));
  }
}

package io.mlconnector.common.kafka;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.common.event.EnvelopeCodec;
import io.mlconnector.common.event.EventEnvelope;
import io.mlconnector.common.event.ParkedEvent;
import io.mlconnector.common.event.Topics;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.jboss.logging.Logger;

/**
 * Publishes envelopes with {@code acks=all} and idempotence on, so "acknowledged" means the event
 * is durable. Callers that move a cursor use {@link #publishAndAwait}: the cursor may only advance
 * once every event of the page is acknowledged.
 */
@ApplicationScoped
public class EventPublisher {
  /** An event bound for a topic under a key. */
  public record Outgoing(String topic, String key, EventEnvelope event) {}

  /** Room for key, headers and record overhead on top of the value. */
  static final int RECORD_OVERHEAD_BYTES = 16 * 1024;

  private static final Logger LOG = Logger.getLogger(EventPublisher.class);

  private final Producer<String, byte[]> producer;
  private final int maxRecordBytes;

  @Inject
  public EventPublisher(
      @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, KafkaConfig config) {
    this(
        new KafkaProducer<>(
            producerConfig(kafkaConfig, KafkaSecurity.requireUsable(config).maxRecordBytes())),
        config.maxRecordBytes());
  }

  /** With the default size limit (for tests that wrap the publisher). */
  public EventPublisher(Map<String, Object> kafkaConfig) {
    this(
        new KafkaProducer<>(producerConfig(kafkaConfig, EnvelopeCodec.MAX_EVENT_BYTES)),
        EnvelopeCodec.MAX_EVENT_BYTES);
  }

  /** Over any producer (tests use Kafka's {@code MockProducer}). */
  public EventPublisher(Producer<String, byte[]> producer, int maxRecordBytes) {
    this.producer = producer;
    this.maxRecordBytes = maxRecordBytes;
  }

  static Map<String, Object> producerConfig(Map<String, Object> kafkaConfig, int maxRecordBytes) {
    Map<String, Object> config = new HashMap<>(KafkaSettings.clientSettings(kafkaConfig));
    config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, maxRecordBytes + RECORD_OVERHEAD_BYTES);
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
   * Sends every event and waits until the broker acknowledged all of them. An event larger than
   * {@code mlc.kafka.max-record-bytes} would be refused by every send, holding up whatever waits
   * for it (a poller's cursor) forever: it is parked instead, on {@link Topics#PARKED} with the
   * reason and without its payload.
   *
   * @return the coordinates of each event (of its parking, if it was too large), in order
   * @throws PublishException if any event was not acknowledged within the timeout
   */
  public List<RecordMetadata> publishAndAwait(List<Outgoing> events, Duration timeout) {
    List<Future<RecordMetadata>> pending = new ArrayList<>(events.size());
    for (Outgoing o : events) {
      byte[] value = EnvelopeCodec.write(o.event());
      ProducerRecord<String, byte[]> record =
          value.length <= maxRecordBytes
              ? new ProducerRecord<>(o.topic(), o.key(), value)
              : tooLarge(o, value.length);
      pending.add(producer.send(record));
    }
    // The caller waits anyway: send now instead of lingering for more records.
    producer.flush();
    return await(pending, timeout);
  }

  private ProducerRecord<String, byte[]> tooLarge(Outgoing o, int size) {
    String reason =
        "event of "
            + size
            + " bytes for "
            + o.topic()
            + " is over mlc.kafka.max-record-bytes ("
            + maxRecordBytes
            + "); shorten the source record (or raise the limit with the broker's), then replay";
    LOG.warnf("%s %s: %s", o.event().entity().wireName(), o.event().sourceId(), reason);
    EventEnvelope parked = ParkedEvent.of(o.event(), o.topic(), o.key(), "publish", reason, false);
    ((ObjectNode) parked.payload()).put("originalBytes", size);
    return new ProducerRecord<>(Topics.PARKED, o.key(), EnvelopeCodec.write(parked));
  }

  /**
   * Forwards bytes that are not a readable event (to the DLQ), with the reason as a header. Bytes
   * over the size limit are cut to it (header {@code mlc-original-bytes} says how long they were).
   */
  public RecordMetadata publishRawAndAwait(
      String topic, String key, byte[] value, String reason, Duration timeout) {
    byte[] kept = value;
    if (value != null && value.length > maxRecordBytes) {
      kept = Arrays.copyOf(value, maxRecordBytes);
    }
    ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, kept);
    record.headers().add("mlc-reason", reason.getBytes(StandardCharsets.UTF_8));
    if (kept != value) {
      record
          .headers()
          .add(
              "mlc-original-bytes",
              Integer.toString(value.length).getBytes(StandardCharsets.UTF_8));
    }
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

package io.mlconnector.stack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Test-side access to the stack's broker: send raw records, read what a topic holds. */
public final class TopicProbe {
  private final Map<String, Object> login;

  /** Logged in as the stack's super user. */
  public TopicProbe(StackEndpoints stack) {
    this(stack.kafkaAdminSettings());
  }

  /** With these client settings (bootstrap servers and login), e.g. one service's principal. */
  public TopicProbe(Map<String, Object> login) {
    this.login = Map.copyOf(login);
  }

  /** Sends one record and waits for the broker's acknowledgement. */
  public void send(String topic, String key, byte[] value) throws Exception {
    Map<String, Object> config = new HashMap<>(login);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
      producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
    }
  }

  /**
   * Reads the topic from the beginning until {@code done} holds for what was read, or the timeout
   * passes; returns everything read.
   */
  public List<ConsumerRecord<String, byte[]>> readUntil(
      String topic, Predicate<List<ConsumerRecord<String, byte[]>>> done, Duration timeout) {
    // No consumer group: every partition assigned from its beginning. A group of its own would
    // first have to be formed by the broker's coordinator, which on a busy machine took longer
    // than a test's whole wait while the records were already there.
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig())) {
      long deadline = System.nanoTime() + timeout.toNanos();
      List<TopicPartition> partitions = List.of();
      while (partitions.isEmpty() && System.nanoTime() < deadline) {
        partitions =
            consumer.partitionsFor(topic, timeout).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
        if (partitions.isEmpty()) { // not created yet
          LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      return pollUntil(consumer, done, deadline);
    }
  }

  /** The same, as a member of consumer group {@code group}. */
  public List<ConsumerRecord<String, byte[]>> readUntil(
      String topic,
      String group,
      Predicate<List<ConsumerRecord<String, byte[]>>> done,
      Duration timeout) {
    Map<String, Object> config = consumerConfig();
    config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
      consumer.subscribe(List.of(topic));
      return pollUntil(consumer, done, System.nanoTime() + timeout.toNanos());
    }
  }

  private static List<ConsumerRecord<String, byte[]>> pollUntil(
      KafkaConsumer<String, byte[]> consumer,
      Predicate<List<ConsumerRecord<String, byte[]>>> done,
      long deadlineNanos) {
    List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
    while (!done.test(seen) && System.nanoTime() < deadlineNanos) {
      consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
    }
    return seen;
  }

  private Map<String, Object> consumerConfig() {
    Map<String, Object> config = new HashMap<>(login);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    config.put(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    return config;
  }
}

package io.mlconnector.console.parked;

import io.mlconnector.common.event.EnvelopeCodec;
import io.mlconnector.common.event.EnvelopeFormatException;
import io.mlconnector.common.event.Topics;
import io.mlconnector.common.kafka.KafkaSettings;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads {@code mlc.parked} from the beginning to its current end, without a consumer group (an
 * operator's look must not move anyone's offsets), and keeps the latest parking of each record of
 * one tenant.
 */
@ApplicationScoped
public class ParkedTopicReader {
  private final Map<String, Object> kafkaConfig;

  public ParkedTopicReader(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
    this.kafkaConfig = kafkaConfig;
  }

  /** Latest parking per (entity, source id) of the tenant, oldest first. */
  public List<ParkedRecord> latest(String tenant) {
    Map<String, ParkedRecord> latest = new LinkedHashMap<>();
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(Topics.PARKED).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          read(r, tenant, latest);
        }
      }
    }
    return new ArrayList<>(latest.values());
  }

  private static void read(
      ConsumerRecord<String, byte[]> r, String tenant, Map<String, ParkedRecord> latest) {
    try {
      var parked = EnvelopeCodec.read(r.value());
      if (parked.tenant().equals(tenant)) {
        String id = parked.entity().wireName() + "|" + parked.sourceId();
        latest.remove(id);
        latest.put(id, new ParkedRecord(r.key(), r.offset(), parked));
      }
    } catch (EnvelopeFormatException unreadable) {
      // Not a parked record of ours: nothing to show or replay.
    }
  }

  private Map<String, Object> config() {
    Map<String, Object> config = new HashMap<>(KafkaSettings.clientSettings(kafkaConfig));
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    config.put(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    return config;
  }
}

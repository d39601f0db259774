package io.mlconnector.console.status;

import io.mlconnector.common.event.EntityType;
import io.mlconnector.common.event.EventKey;
import io.mlconnector.common.event.Topics;
import io.mlconnector.stack.SharedStack;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Consumer groups with records behind them on the test broker, committed the way a consumer commits
 * (the group's offsets), through the super user's admin client.
 */
final class Backlogs {
  private Backlogs() {}

  /**
   * Commits each of {@code groups} at the end of qad.supplier.changed, then three records of the
   * tenant arrive: each group is three of the tenant's records behind.
   */
  static void threeBehind(String tenant, String... groups) throws Exception {
    try (Admin admin = admin();
        KafkaProducer<String, byte[]> producer = producer()) {
      Map<TopicPartition, OffsetAndMetadata> end = ends(admin, Topics.QAD_SUPPLIER_CHANGED);
      for (String group : groups) {
        commit(admin, group, end);
      }
      for (int i = 0; i < 3; i++) {
        String key = EventKey.of(tenant, EntityType.SUPPLIER, "S-" + i);
        producer.send(new ProducerRecord<>(Topics.QAD_SUPPLIER_CHANGED, key, new byte[] {1}));
      }
      producer.flush();
    }
  }

  /**
   * What a shared broker holds besides the fleet: {@code groups} groups of other applications (a
   * monitoring tool reading the fleet's dead letters, say), each one record behind on a partition
   * of mlc.dlq (so every one of them is a smaller backlog than a tenant's few records).
   */
  static void otherApplications(int groups) throws Exception {
    String prefix = "other-app-" + UUID.randomUUID() + "-";
    try (Admin admin = admin();
        KafkaProducer<String, byte[]> producer = producer()) {
      List<TopicPartition> partitions = new ArrayList<>(ends(admin, Topics.DLQ).keySet());
      for (TopicPartition tp : partitions) {
        producer.send(
            new ProducerRecord<>(tp.topic(), tp.partition(), "other|dlq", new byte[] {1}));
      }
      producer.flush();
      Map<TopicPartition, OffsetAndMetadata> end = ends(admin, Topics.DLQ);
      List<KafkaFuture<Void>> commits = new ArrayList<>();
      for (int g = 0; g < groups; g++) {
        TopicPartition tp = partitions.get(g % partitions.size());
        long oneBehind = end.get(tp).offset() - 1;
        commits.add(
            admin
                .alterConsumerGroupOffsets(prefix + g, Map.of(tp, new OffsetAndMetadata(oneBehind)))
                .all());
      }
      KafkaFuture.allOf(commits.toArray(KafkaFuture[]::new)).get(120, TimeUnit.SECONDS);
    }
  }

  /** The end of every partition of {@code topic}. */
  static Map<TopicPartition, OffsetAndMetadata> ends(Admin admin, String topic) throws Exception {
    int partitions =
        admin
            .describeTopics(List.of(topic))
            .allTopicNames()
            .get(30, TimeUnit.SECONDS)
            .get(topic)
            .partitions()
            .size();
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    for (int p = 0; p < partitions; p++) {
      latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
    }
    Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end =
        admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS);
    Map<TopicPartition, OffsetAndMetadata> out = new HashMap<>();
    end.forEach((tp, info) -> out.put(tp, new OffsetAndMetadata(info.offset())));
    return out;
  }

  static void commit(Admin admin, String group, Map<TopicPartition, OffsetAndMetadata> offsets)
      throws Exception {
    admin.alterConsumerGroupOffsets(group, offsets).all().get(30, TimeUnit.SECONDS);
  }

  static Admin admin() {
    return Admin.create(SharedStack.endpoints().kafkaAdminSettings());
  }

  private static KafkaProducer<String, byte[]> producer() {
    Map<String, Object> config = new HashMap<>(SharedStack.endpoints().kafkaAdminSettings());
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    return new KafkaProducer<>(config);
  }
}

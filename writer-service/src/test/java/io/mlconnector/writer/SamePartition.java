package io.mlconnector.writer;

import io.mlconnector.stack.SharedStack;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.utils.Utils;

/** Where Kafka's default partitioner puts a key, so a test can line two tenants up on one. */
public final class SamePartition {
  private final int partitions;

  private SamePartition(int partitions) {
    this.partitions = partitions;
  }

  /** The partitioning of {@code topic} on the shared test broker. */
  public static SamePartition of(String topic) throws Exception {
    try (Admin admin = Admin.create(SharedStack.endpoints().kafkaAdminSettings())) {
      return new SamePartition(
          admin
              .describeTopics(List.of(topic))
              .allTopicNames()
              .get()
              .get(topic)
              .partitions()
              .size());
    }
  }

  public int partitionOf(String key) {
    return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
  }
}

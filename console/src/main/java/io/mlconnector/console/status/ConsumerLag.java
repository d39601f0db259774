package io.mlconnector.console.status;

import static java.util.concurrent.TimeUnit.SECONDS;

import io.mlconnector.common.kafka.KafkaSettings;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsResult;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Records behind, per consumer group of the fleet: the committed offsets against the end of each
 * partition (admin client). The topics are shared by all tenants, so the split by tenant reads the
 * keys of the backlog itself ({@link BacklogScan}), at most {@code
 * mlc.console.status.lag-scan-limit} records and {@link #SCAN_TIME} per call.
 */
@ApplicationScoped
public class ConsumerLag {
  /**
   * The lag of one group.
   *
   * @param byTenant records behind per tenant and topic
   * @param capped true when the backlog was not read to its end: byTenant is a lower bound
   */
  public record GroupLag(
      String group, long behind, Map<String, Map<String, Long>> byTenant, boolean capped) {}

  /**
   * The fleet's consumer groups: the services' groups are named so, and the console's Kafka user
   * may describe only these (the chart's ACL Job, the stack's KafkaAcls). Other applications'
   * groups on a shared broker, even on the fleet's topics, are not the fleet's backlog.
   */
  static final String FLEET_GROUPS = "mlc-";

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  /** Longest a status call reads backlogs; past it the split by tenant is a lower bound. */
  private static final Duration SCAN_TIME = Duration.ofSeconds(3);

  private final Map<String, Object> kafkaConfig;
  private final int scanLimit;
  private Admin admin;

  public ConsumerLag(
      @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, StatusConfig config) {
    this.kafkaConfig = KafkaSettings.clientSettings(kafkaConfig);
    this.scanLimit = config.lagScanLimit();
  }

  /**
   * The lag of every group of the fleet, split by tenant; only {@code tenant}'s records counted
   * when not null (the backlog is still read whole: any partition may hold a tenant's records).
   */
  public List<GroupLag> fleet(String tenant) throws Exception {
    Admin a = admin();
    Map<String, ListConsumerGroupOffsetsSpec> groups = new TreeMap<>();
    a
        .listGroups(ListGroupsOptions.forConsumerGroups())
        .all()
        .get(TIMEOUT.toSeconds(), SECONDS)
        .stream()
        .map(GroupListing::groupId)
        .filter(g -> g.startsWith(FLEET_GROUPS))
        .forEach(g -> groups.put(g, new ListConsumerGroupOffsetsSpec()));
    if (groups.isEmpty()) {
      return List.of();
    }
    // Every group's offsets in one request per coordinator, every end in one more.
    ListConsumerGroupOffsetsResult fetched = a.listConsumerGroupOffsets(groups);
    Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new TreeMap<>();
    for (String group : groups.keySet()) {
      try {
        committed.put(
            group, fetched.partitionsToOffsetAndMetadata(group).get(TIMEOUT.toSeconds(), SECONDS));
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof GroupIdNotFoundException)) {
          throw e;
        }
        // deleted since it was listed: nothing behind
      }
    }
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    committed.values().forEach(m -> m.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest())));
    Map<TopicPartition, Long> end = new HashMap<>();
    if (!latest.isEmpty()) {
      a.listOffsets(latest)
          .all()
          .get(TIMEOUT.toSeconds(), SECONDS)
          .forEach((tp, info) -> end.put(tp, info.offset()));
    }
    Map<String, Map<TopicPartition, Long>> from = new TreeMap<>();
    committed.forEach((group, offsets) -> from.put(group, behind(offsets, end)));
    BacklogScan.Counts counts =
        new BacklogScan(from, end, tenant)
            .read(
                () -> new KafkaConsumer<>(scanConfig()),
                scanLimit,
                System.nanoTime() + SCAN_TIME.toNanos());
    return from.entrySet().stream()
        .map(
            g ->
                new GroupLag(
                    g.getKey(),
                    g.getValue().entrySet().stream()
                        .mapToLong(p -> end.get(p.getKey()) - p.getValue())
                        .sum(),
                    counts.byGroup().getOrDefault(g.getKey(), Map.of()),
                    counts.cut().contains(g.getKey())))
        .toList();
  }

  /** The partitions a group is behind on, with its committed offset. */
  private static Map<TopicPartition, Long> behind(
      Map<TopicPartition, OffsetAndMetadata> committed, Map<TopicPartition, Long> end) {
    Map<TopicPartition, Long> from = new HashMap<>();
    committed.forEach(
        (tp, o) -> {
          if (o != null && end.getOrDefault(tp, o.offset()) > o.offset()) {
            from.put(tp, o.offset());
          }
        });
    return from;
  }

  private Map<String, Object> scanConfig() {
    Map<String, Object> config = new HashMap<>(kafkaConfig);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    config.put(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    // Only the keys are needed; values are fetched but never decoded.
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
    return config;
  }

  private synchronized Admin admin() {
    if (admin == null) {
      admin = Admin.create(new HashMap<>(kafkaConfig));
    }
    return admin;
  }

  @PreDestroy
  synchronized void close() {
    if (admin != null) {
      admin.close(Duration.ofSeconds(2));
    }
  }
}

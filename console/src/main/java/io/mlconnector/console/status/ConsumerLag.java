package io.mlconnector.console.status;

import io.mlconnector.common.kafka.KafkaSettings;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Records behind, per consumer group: the committed offsets against the end of each partition. The
 * topics are shared by all tenants, so the per-tenant split reads the keys of the backlog itself
 * ({@code tenant|family|business key}), without a consumer group and at most {@code
 * mlc.console.status.lag-scan-limit} records per call.
 */
@ApplicationScoped
public class ConsumerLag {
  /**
   * The lag of one group.
   *
   * @param byTenant records behind per tenant and topic
   * @param capped true when the backlog was larger than the scan limit: byTenant is a lower bound
   */
  public record GroupLag(
      String group, long behind, Map<String, Map<String, Long>> byTenant, boolean capped) {}

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

  /** Every consumer group's lag (groups of the fleet and of anyone else on the broker). */
  public List<GroupLag> all() throws Exception {
    Admin a = admin();
    List<String> groups =
        a
            .listGroups(ListGroupsOptions.forConsumerGroups())
            .all()
            .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)
            .stream()
            .map(GroupListing::groupId)
            .sorted()
            .toList();
    Map<String, Map<TopicPartition, long[]>> backlogs = new java.util.LinkedHashMap<>();
    for (String group : groups) {
      backlogs.put(group, backlogOf(a, group));
    }
    // The smallest backlogs first: their split by tenant is exact within the budget; only the
    // largest ones end as lower bounds.
    List<String> cheapestFirst = new java.util.ArrayList<>(groups);
    cheapestFirst.sort(java.util.Comparator.comparingLong(g -> total(backlogs.get(g))));
    Map<String, GroupLag> lags = new HashMap<>();
    try (Scan scan = new Scan(scanLimit, System.nanoTime() + SCAN_TIME.toNanos())) {
      for (String group : cheapestFirst) {
        lags.put(group, lagOf(group, backlogs.get(group), scan));
      }
    }
    return groups.stream().map(lags::get).toList();
  }

  private static long total(Map<TopicPartition, long[]> backlog) {
    return backlog.values().stream().mapToLong(r -> r[1] - r[0]).sum();
  }

  /** Per partition with records behind: {committed, end}. */
  private Map<TopicPartition, long[]> backlogOf(Admin a, String group) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> committed =
        a.listConsumerGroupOffsets(group)
            .partitionsToOffsetAndMetadata()
            .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    committed.forEach((tp, o) -> latest.put(tp, OffsetSpec.latest()));
    Map<TopicPartition, Long> end = new HashMap<>();
    a.listOffsets(latest)
        .all()
        .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)
        .forEach((tp, info) -> end.put(tp, info.offset()));
    Map<TopicPartition, long[]> backlog = new HashMap<>();
    for (Map.Entry<TopicPartition, OffsetAndMetadata> c : committed.entrySet()) {
      if (c.getValue() == null) {
        continue;
      }
      long from = c.getValue().offset();
      long to = end.getOrDefault(c.getKey(), from);
      if (to > from) {
        backlog.put(c.getKey(), new long[] {from, to});
      }
    }
    return backlog;
  }

  private GroupLag lagOf(String group, Map<TopicPartition, long[]> backlog, Scan budget) {
    Map<String, Map<String, Long>> byTenant = new TreeMap<>();
    boolean capped = false;
    for (Map.Entry<TopicPartition, long[]> b : backlog.entrySet()) {
      capped |= !scan(b.getKey(), b.getValue()[0], b.getValue()[1], byTenant, budget);
    }
    return new GroupLag(group, total(backlog), byTenant, capped);
  }

  /**
   * What one status call may spend reading backlogs: a record count and a time limit (a status page
   * must answer even when a broker holds large backlogs of many groups), and one consumer for every
   * partition it reads (each consumer costs a login).
   */
  private final class Scan implements AutoCloseable {
    private int records;
    private final long deadline;
    private KafkaConsumer<String, byte[]> consumer;

    Scan(int records, long deadline) {
      this.records = records;
      this.deadline = deadline;
    }

    boolean spent() {
      return records <= 0 || System.nanoTime() > deadline;
    }

    KafkaConsumer<String, byte[]> consumer() {
      if (consumer == null) {
        consumer = new KafkaConsumer<>(scanConfig());
      }
      return consumer;
    }

    @Override
    public void close() {
      if (consumer != null) {
        consumer.close(Duration.ofSeconds(2));
      }
    }
  }

  /** Counts the backlog's keys by tenant; false when the budget ran out first. */
  private boolean scan(
      TopicPartition tp, long from, long to, Map<String, Map<String, Long>> out, Scan budget) {
    if (budget.spent()) {
      return false;
    }
    KafkaConsumer<String, byte[]> consumer = budget.consumer();
    consumer.assign(List.of(tp));
    consumer.seek(tp, from);
    long position = from;
    while (position < to && !budget.spent()) {
      var records = consumer.poll(Duration.ofMillis(200));
      if (records.isEmpty() && consumer.position(tp) >= to) {
        break;
      }
      for (ConsumerRecord<String, byte[]> r : records) {
        if (r.offset() >= to || budget.records <= 0) {
          break;
        }
        budget.records--;
        String key = r.key() == null ? "" : r.key();
        String tenant = key.contains("|") ? key.substring(0, key.indexOf('|')) : "(no tenant)";
        out.computeIfAbsent(tenant, t -> new TreeMap<>()).merge(tp.topic(), 1L, Long::sum);
      }
      position = consumer.position(tp);
    }
    return position >= to;
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

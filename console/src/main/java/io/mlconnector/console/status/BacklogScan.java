package io.mlconnector.console.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * One read of the fleet's backlogs, to split them by tenant (keys {@code tenant|family|…}): every
 * partition a group is behind on is read once, from the lowest committed offset to its end, by one
 * consumer for all of them, and each record counts for every group behind it. Bounded by a record
 * count and a deadline: the smallest backlogs get their records first, so only the largest end
 * short (their groups' figures are then lower bounds).
 */
final class BacklogScan {
  /**
   * What was read.
   *
   * @param byGroup per group, records behind per tenant and topic
   * @param cut the groups whose backlog was not read to its end
   */
  record Counts(Map<String, Map<String, Map<String, Long>>> byGroup, Set<String> cut) {}

  private final Map<String, Map<TopicPartition, Long>> from;
  private final Map<TopicPartition, Long> end;
  private final String tenant;
  private final Map<TopicPartition, Long> start = new HashMap<>();
  private final Map<TopicPartition, Long> readTo = new HashMap<>();
  private final Map<String, Map<String, Map<String, Long>>> byGroup = new TreeMap<>();

  /**
   * @param from per group, the committed offset of each partition it is behind on
   * @param end each of those partitions' end
   * @param tenant the only tenant to count, or null for every tenant
   */
  BacklogScan(
      Map<String, Map<TopicPartition, Long>> from, Map<TopicPartition, Long> end, String tenant) {
    this.from = from;
    this.end = end;
    this.tenant = tenant;
    from.values().forEach(m -> m.forEach((tp, o) -> start.merge(tp, o, Math::min)));
    start.forEach(readTo::put);
  }

  Counts read(Supplier<Consumer<String, byte[]>> consumers, int recordLimit, long deadline) {
    Map<TopicPartition, Long> quota = quotas(recordLimit);
    if (!quota.isEmpty()) {
      Consumer<String, byte[]> consumer = consumers.get();
      try {
        poll(consumer, quota, deadline);
      } finally {
        consumer.close(Duration.ofSeconds(2));
      }
    }
    Set<String> cut = new HashSet<>();
    from.forEach(
        (group, partitions) ->
            partitions.keySet().stream()
                .filter(tp -> readTo.get(tp) < end.get(tp))
                .findAny()
                .ifPresent(tp -> cut.add(group)));
    return new Counts(byGroup, cut);
  }

  /** Records each partition may have read: smallest backlogs whole, while the limit lasts. */
  private Map<TopicPartition, Long> quotas(int recordLimit) {
    List<TopicPartition> smallestFirst = new ArrayList<>(start.keySet());
    smallestFirst.sort(Comparator.comparingLong(this::backlog));
    Map<TopicPartition, Long> quota = new HashMap<>();
    long left = recordLimit;
    for (TopicPartition tp : smallestFirst) {
      long q = Math.min(backlog(tp), left);
      if (q > 0) {
        quota.put(tp, q);
      }
      left -= q;
    }
    return quota;
  }

  private long backlog(TopicPartition tp) {
    return end.get(tp) - start.get(tp);
  }

  private void poll(
      Consumer<String, byte[]> consumer, Map<TopicPartition, Long> quota, long deadline) {
    Set<TopicPartition> open = new HashSet<>(quota.keySet());
    consumer.assign(open);
    open.forEach(tp -> consumer.seek(tp, start.get(tp)));
    while (!open.isEmpty() && System.nanoTime() < deadline) {
      long wait = Math.max(1, Math.min(200, (deadline - System.nanoTime()) / 1_000_000));
      for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(wait))) {
        TopicPartition tp = new TopicPartition(r.topic(), r.partition());
        if (open.contains(tp) && r.offset() < end.get(tp) && quota.merge(tp, -1L, Long::sum) >= 0) {
          count(tp, r);
          readTo.put(tp, r.offset() + 1);
        }
      }
      List<TopicPartition> done = new ArrayList<>();
      for (TopicPartition tp : open) {
        // Positions move past what is never returned (transaction markers) as well.
        // Below zero: records past the quota were dropped, so the end is not read.
        long left = quota.get(tp);
        if (left >= 0 && consumer.position(tp) >= end.get(tp)) {
          readTo.put(tp, end.get(tp));
          done.add(tp);
        } else if (left <= 0) {
          done.add(tp);
        }
      }
      consumer.pause(done);
      done.forEach(open::remove);
    }
  }

  private void count(TopicPartition tp, ConsumerRecord<String, byte[]> r) {
    String key = r.key() == null ? "" : r.key();
    String owner = key.contains("|") ? key.substring(0, key.indexOf('|')) : "(no tenant)";
    if (tenant != null && !tenant.equals(owner)) {
      return;
    }
    from.forEach(
        (group, partitions) -> {
          Long committed = partitions.get(tp);
          if (committed != null && committed <= r.offset()) {
            byGroup
                .computeIfAbsent(group, g -> new TreeMap<>())
                .computeIfAbsent(owner, t -> new TreeMap<>())
                .merge(tp.topic(), 1L, Long::sum);
          }
        });
  }
}

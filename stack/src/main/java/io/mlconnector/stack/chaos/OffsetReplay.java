package io.mlconnector.stack.chaos;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * An offset-reset replay the way the chart's replay Job does it: with the consumers stopped, each
 * of the fleet's consumer groups has its committed offsets go back to the first record at or after
 * a point in time, through Kafka's admin API; only back, never forward (a group behind that time
 * keeps its offset, unlike {@code kafka-consumer-groups --to-datetime}, which would skip the
 * records in between). The caller stops and restarts the consumers.
 */
final class OffsetReplay {
  private OffsetReplay() {}

  /**
   * A member killed with SIGKILL stays in its group until its session times out (45 s); offsets of
   * a group with members cannot be altered, so wait for it to empty (as the Job waits for the
   * scale-down).
   */
  private static void awaitEmpty(Admin admin, String group)
      throws ExecutionException, InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline) {
      ConsumerGroupDescription d =
          admin.describeConsumerGroups(List.of(group)).describedGroups().get(group).get();
      if (d.members().isEmpty()) {
        return;
      }
      Thread.sleep(2000);
    }
  }

  /**
   * Rewinds the fleet's consumer groups to {@code to}, and only those: the broker also holds the
   * console's groups, whose members are alive (altering them fails after the wait for an empty
   * group) and whose positions are no replay's business.
   *
   * @param fleetGroups the groups the chart's replay Job resets ({@link
   *     FleetFaults#CONSUMER_GROUPS})
   * @return the groups rewound
   */
  static int rewind(
      Map<String, Object> kafkaAdmin, Instant to, Collection<String> fleetGroups, PrintStream log)
      throws InterruptedException {
    Map<String, Object> config = new HashMap<>(kafkaAdmin);
    config.put(
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) Duration.ofSeconds(30).toMillis());
    int rewound = 0;
    try (Admin admin = Admin.create(config)) {
      awaitBroker(admin);
      for (String group : new TreeSet<>(fleetGroups)) {
        try {
          int partitions = rewind(admin, group, to);
          log.printf("  replay: group %s, %d partitions rewound%n", group, partitions);
          if (partitions > 0) {
            rewound++;
          }
        } catch (ExecutionException e) {
          log.printf("  replay: group %s not rewound: %s%n", group, e.getCause());
        }
      }
    } catch (ExecutionException e) {
      log.println("  replay: broker not answering: " + e.getCause());
    }
    return rewound;
  }

  /** A broker still starting (a restart just before) is waited for. */
  private static void awaitBroker(Admin admin) throws ExecutionException, InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (true) {
      try {
        admin.describeCluster().nodes().get();
        return;
      } catch (ExecutionException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(2000);
      }
    }
  }

  /** Returns the partitions rewound (0 when the group has no committed offsets). */
  private static int rewind(Admin admin, String group, Instant to)
      throws ExecutionException, InterruptedException {
    awaitEmpty(admin, group);
    Map<TopicPartition, OffsetAndMetadata> committed =
        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
    Map<TopicPartition, OffsetSpec> at = new HashMap<>();
    committed.keySet().forEach(tp -> at.put(tp, OffsetSpec.forTimestamp(to.toEpochMilli())));
    Map<TopicPartition, ListOffsetsResultInfo> found = admin.listOffsets(at).all().get();
    Map<TopicPartition, OffsetAndMetadata> target = new HashMap<>();
    committed.forEach(
        (tp, current) -> {
          if (current == null) {
            return;
          }
          long offset = found.get(tp).offset();
          // No record at or after the time: nothing to replay on that partition. A group still
          // behind the time (a partition held at a failing record, or lagging) stays where it is:
          // moving it forward would skip, never replay, every record in between (a full chaos run
          // lost 9,262 records that way, silently).
          target.put(
              tp,
              new OffsetAndMetadata(
                  offset >= 0 ? Math.min(offset, current.offset()) : current.offset()));
        });
    if (target.isEmpty()) {
      return 0;
    }
    admin.alterConsumerGroupOffsets(group, target).all().get();
    return target.size();
  }
}

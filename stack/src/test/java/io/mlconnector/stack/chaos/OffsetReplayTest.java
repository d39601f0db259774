package io.mlconnector.stack.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.common.event.Topics;
import io.mlconnector.stack.LocalStack;
import io.mlconnector.stack.StackEndpoints;
import io.mlconnector.stack.TopicProbe;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chaos run's replay rewinds the fleet's consumer groups, the ones the chart's replay Job
 * resets, and no other group on the broker (the console's groups have live members and their own
 * positions).
 */
class OffsetReplayTest {
  private static final String CONSOLE_GROUP = "mlc-console-parked";
  private static final String WRITER_GROUP = "mlc-writer-servicenow";

  @Test
  void rewindsTheFleetsGroupsAndLeavesTheConsolesGroupWhereItWas(@TempDir Path dir)
      throws Exception {
    // A broker of its own: the replay must not touch groups of other tests on a shared one.
    try (LocalStack stack = new LocalStack(dir, (StackEndpoints) null)) {
      StackEndpoints endpoints = stack.start();
      Instant before = Instant.now().minusSeconds(1);
      TopicProbe probe = new TopicProbe(endpoints);
      for (int i = 0; i < 5; i++) {
        probe.send(Topics.SN_UPSERT, "acme|" + i, "{}".getBytes(StandardCharsets.UTF_8));
      }
      try (Admin admin = Admin.create(endpoints.kafkaAdminSettings())) {
        Map<TopicPartition, OffsetAndMetadata> atEnd = endOffsets(admin, Topics.SN_UPSERT);
        admin.alterConsumerGroupOffsets(WRITER_GROUP, atEnd).all().get();
        admin.alterConsumerGroupOffsets(CONSOLE_GROUP, atEnd).all().get();

        int rewound =
            OffsetReplay.rewind(
                endpoints.kafkaAdminSettings(),
                before,
                FleetFaults.CONSUMER_GROUPS,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        assertThat(rewound).isEqualTo(1);
        assertThat(committedSum(admin, WRITER_GROUP)).isZero();
        assertThat(committedSum(admin, CONSOLE_GROUP)).isEqualTo(5);
      }
    }
  }

  /**
   * A replay only ever goes back: a group still behind the replay's time (its partition held at a
   * failing record while later records arrived) keeps its offset instead of jumping forward past
   * records it never handled. A full chaos run lost 9,262 records (the records after an unreadable
   * one held while the dead-letter topic was down) when the replay moved the writer forward.
   */
  @Test
  void neverMovesAGroupThatIsBehindTheTimeForward(@TempDir Path dir) throws Exception {
    try (LocalStack stack = new LocalStack(dir, (StackEndpoints) null)) {
      StackEndpoints endpoints = stack.start();
      TopicProbe probe = new TopicProbe(endpoints);
      for (int i = 0; i < 3; i++) {
        probe.send(Topics.SN_UPSERT, "acme|same", "{}".getBytes(StandardCharsets.UTF_8));
      }
      Thread.sleep(50);
      Instant between = Instant.now();
      Thread.sleep(50);
      for (int i = 3; i < 6; i++) {
        probe.send(Topics.SN_UPSERT, "acme|same", "{}".getBytes(StandardCharsets.UTF_8));
      }
      try (Admin admin = Admin.create(endpoints.kafkaAdminSettings())) {
        Map<TopicPartition, OffsetAndMetadata> atStart = new HashMap<>();
        endOffsets(admin, Topics.SN_UPSERT)
            .keySet()
            .forEach(tp -> atStart.put(tp, new OffsetAndMetadata(0)));
        admin.alterConsumerGroupOffsets(WRITER_GROUP, atStart).all().get();

        OffsetReplay.rewind(
            endpoints.kafkaAdminSettings(),
            between,
            FleetFaults.CONSUMER_GROUPS,
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        assertThat(committedSum(admin, WRITER_GROUP)).isZero();
        assertThat(endOffsets(admin, Topics.SN_UPSERT).values().stream())
            .extracting(OffsetAndMetadata::offset)
            .contains(6L); // the six records are there, none of them skipped by the replay
      }
    }
  }

  /** The groups the chaos run rewinds are exactly those the chart's replay Job can reset. */
  @Test
  void theFleetsGroupsAreTheChartsReplayGroups() throws Exception {
    String helpers =
        Files.readString(Path.of("../deploy/helm/ml-connector/templates/_helpers.tpl"));
    Matcher block =
        Pattern.compile("define \"mlc.groupTopics\" -}}(.*?)\\{\\{- end", Pattern.DOTALL)
            .matcher(helpers);
    assertThat(block.find()).isTrue();
    Set<String> chartGroups = new TreeSet<>();
    Matcher key = Pattern.compile("\"(mlc-[a-z-]+)\":").matcher(block.group(1));
    while (key.find()) {
      chartGroups.add(key.group(1));
    }
    assertThat(chartGroups).isEqualTo(new TreeSet<>(FleetFaults.CONSUMER_GROUPS));
  }

  private static Map<TopicPartition, OffsetAndMetadata> endOffsets(Admin admin, String topic)
      throws Exception {
    int partitions =
        admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    for (int p = 0; p < partitions; p++) {
      latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
    }
    Map<TopicPartition, OffsetAndMetadata> end = new HashMap<>();
    admin
        .listOffsets(latest)
        .all()
        .get()
        .forEach((tp, info) -> end.put(tp, new OffsetAndMetadata(info.offset())));
    return end;
  }

  private static long committedSum(Admin admin, String group) throws Exception {
    return admin
        .listConsumerGroupOffsets(group)
        .partitionsToOffsetAndMetadata()
        .get()
        .values()
        .stream()
        .mapToLong(OffsetAndMetadata::offset)
        .sum();
  }
}

package io.mlconnector.console.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * The split of the fleet's backlogs by tenant: every partition read once for all groups behind on
 * it, each record counted for the groups it is behind, and the record limit spent on the smallest
 * backlogs first, the groups of a backlog read short marked as cut (their figures lower bounds).
 */
class BacklogScanTest {
  private static final TopicPartition SMALL = new TopicPartition("qad.supplier.changed", 0);
  private static final TopicPartition LARGE = new TopicPartition("qad.supplier.changed", 1);

  /** mlc-a is behind on both partitions, mlc-b only on the last two records of the large one. */
  private static final Map<String, Map<TopicPartition, Long>> FROM =
      Map.of("mlc-a", Map.of(SMALL, 10L, LARGE, 0L), "mlc-b", Map.of(LARGE, 3L));

  private static final Map<TopicPartition, Long> END = Map.of(SMALL, 12L, LARGE, 5L);

  @Test
  void everyRecordCountsForEachGroupBehindIt() {
    BacklogScan.Counts counts =
        new BacklogScan(FROM, END, null).read(this::broker, 100, inAMinute());

    assertThat(counts.byGroup())
        .isEqualTo(
            Map.of(
                "mlc-a", onTheTopic(Map.of("acme", 6L, "globex", 1L)),
                "mlc-b", onTheTopic(Map.of("acme", 2L))));
    assertThat(counts.cut()).isEmpty();
  }

  @Test
  void oneTenantsCallCountsOnlyItsRecords() {
    BacklogScan.Counts counts =
        new BacklogScan(FROM, END, "globex").read(this::broker, 100, inAMinute());

    assertThat(counts.byGroup()).isEqualTo(Map.of("mlc-a", onTheTopic(Map.of("globex", 1L))));
  }

  @Test
  void theLimitReadsTheSmallestBacklogWholeAndMarksTheLargestsGroupsCut() {
    BacklogScan.Counts counts = new BacklogScan(FROM, END, null).read(this::broker, 4, inAMinute());

    // The small partition whole (2 records), then the first two of the large one.
    assertThat(counts.byGroup())
        .isEqualTo(Map.of("mlc-a", onTheTopic(Map.of("acme", 3L, "globex", 1L))));
    assertThat(counts.cut()).containsExactlyInAnyOrder("mlc-a", "mlc-b");
  }

  /** Records behind per tenant, all on the one topic of this test. */
  private static Map<String, Map<String, Long>> onTheTopic(Map<String, Long> perTenant) {
    Map<String, Map<String, Long>> out = new HashMap<>();
    perTenant.forEach((tenant, n) -> out.put(tenant, Map.of(SMALL.topic(), n)));
    return out;
  }

  /** The small partition: one record of acme, one of globex; the large one: five of acme. */
  private MockConsumer<String, byte[]> broker() {
    MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
    consumer.schedulePollTask(
        () -> {
          add(consumer, SMALL, 10, "acme");
          add(consumer, SMALL, 11, "globex");
          for (long o = 0; o < 5; o++) {
            add(consumer, LARGE, o, "acme");
          }
        });
    return consumer;
  }

  private static void add(
      MockConsumer<String, byte[]> consumer, TopicPartition tp, long o, String t) {
    if (consumer.assignment().contains(tp)) {
      consumer.addRecord(
          new ConsumerRecord<>(tp.topic(), tp.partition(), o, t + "|supplier|S-" + o, new byte[0]));
    }
  }

  private static long inAMinute() {
    return System.nanoTime() + 60_000_000_000L;
  }
}

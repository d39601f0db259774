package io.mlconnector.common.kafka;

import static io.mlconnector.common.kafka.LoopHarness.P0;
import static io.mlconnector.common.kafka.LoopHarness.P1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.common.KafkaException;
import org.junit.jupiter.api.Test;

class EventConsumerLoopTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  private final List<String> handled = new CopyOnWriteArrayList<>();
  private final Set<String> failOnce = ConcurrentHashMap.newKeySet();

  private void handle(io.mlconnector.common.event.EventEnvelope e) {
    if (failOnce.remove(e.sourceId())) {
      throw new IllegalStateException("first attempt of " + e.sourceId() + " fails");
    }
    handled.add(e.sourceId());
  }

  private LoopHarness harness() {
    EventHandler handler = (e, where) -> handle(e);
    return new LoopHarness(handler.oneAtATime(), 5, t -> false);
  }

  @Test
  void brokenDeadLetterTopicHoldsOnlyItsPartitionAndSkipsNothing() {
    try (LoopHarness h = harness()) {
      h.dlqProducer.sendException = new KafkaException("mlc.dlq unavailable (test)");
      h.add(P0, 0, "not json".getBytes(StandardCharsets.UTF_8));
      h.add(P0, 1);
      for (long o = 0; o < 3; o++) {
        h.add(P1, o);
      }

      await().atMost(WAIT).until(() -> h.committed(P1) == 3);
      h.add(P1, 3);
      await().atMost(WAIT).until(() -> h.committed(P1) == 4);
      assertThat(handled).containsExactly("R1-0", "R1-1", "R1-2", "R1-3");
      assertThat(h.committed(P0)).isLessThanOrEqualTo(0);

      h.dlqProducer.sendException = null;
      await().atMost(WAIT).until(() -> h.committed(P0) == 2);
      assertThat(h.dlqProducer.history()).hasSize(1);
      assertThat(handled).contains("R0-1");
    }
  }

  @Test
  void failedSeekAndFailingRewindLoseNoRecord() {
    try (LoopHarness h = harness()) {
      failOnce.add("R0-1");
      h.consumer.seekFailures.set(1);
      h.consumer.committedFailures.set(2);
      for (long o = 0; o < 3; o++) {
        h.add(P0, o);
      }

      await().atMost(WAIT).until(() -> h.committed(P0) == 3);
      h.add(P0, 3);
      await().atMost(WAIT).until(() -> h.committed(P0) == 4);
      assertThat(handled).containsSubsequence("R0-0", "R0-1", "R0-2", "R0-3");
      assertThat(h.consumer.committedFailures.get()).isZero();
      assertThat(h.loop.state()).isEqualTo("consuming");
    }
  }

  @Test
  void failedPollAndCommitEndNoThreadAndReadinessShowsIt() {
    try (LoopHarness h = harness()) {
      h.consumer.commitFailures.set(1);
      h.add(P0, 0);
      await().atMost(WAIT).until(() -> h.committed(P0) == 1);
      h.consumer.setPollException(new KafkaException("broker gone (test)"));
      await().atMost(WAIT).pollInterval(Duration.ofMillis(5)).until(() -> !h.loop.ready());
      assertThat(h.loop.state()).startsWith("failing: KafkaException: broker gone");

      h.add(P0, 1);
      await().atMost(WAIT).until(() -> h.committed(P0) == 2);
      await().atMost(WAIT).until(h.loop::ready);
      assertThat(handled).contains("R0-0", "R0-1");
    }
  }

  @Test
  void poisonRecordIsParkedAfterMaxAttemptsAndItsPartitionMovesOn() {
    EventHandler handler =
        (e, where) -> {
          if (e.sourceId().equals("R0-1")) {
            throw new IllegalArgumentException("value too long for type character varying(64)");
          }
          handled.add(e.sourceId());
        };
    try (LoopHarness h = new LoopHarness(handler.oneAtATime(), 3, t -> false)) {
      for (long o = 0; o < 3; o++) {
        h.add(P0, o);
        h.add(P1, o);
      }

      await().atMost(WAIT).until(() -> h.committed(P0) == 3 && h.committed(P1) == 3);
      assertThat(h.parked)
          .singleElement()
          .satisfies(
              p ->
                  assertThat(p)
                      .startsWith("1 failed 3 times in a row in test")
                      .contains("IllegalArgumentException: value too long"));
      assertThat(handled).contains("R0-0", "R0-2", "R1-0", "R1-1", "R1-2").doesNotContain("R0-1");
    }
  }

  @Test
  void outagesOfTheTargetAreRetriedButNeverParked() {
    Set<String> down = ConcurrentHashMap.newKeySet();
    down.add("R0-0");
    List<Integer> attempts = new CopyOnWriteArrayList<>();
    EventHandler handler =
        (e, where) -> {
          if (down.contains(e.sourceId())) {
            attempts.add(1);
            throw new IllegalStateException(
                "ledger", new SQLTransientConnectionException("connection refused", "08001"));
          }
          handled.add(e.sourceId());
        };
    try (LoopHarness h = new LoopHarness(handler.oneAtATime(), 2, t -> false)) {
      h.add(P0, 0);
      await().atMost(WAIT).until(() -> attempts.size() >= 6);
      down.clear();
      await().atMost(WAIT).until(() -> h.committed(P0) == 1);
      assertThat(h.parked).isEmpty();
      assertThat(handled).containsExactly("R0-0");
    }
  }

  @Test
  void aBatchThatFailsAsAWholeIsRetriedOneAtATimeSoOnlyTheBadRecordIsParked() {
    BatchHandler batch =
        events -> {
          if (events.stream().anyMatch(e -> e.event().sourceId().equals("R1-1"))) {
            throw new IllegalStateException("constraint violated by R1-1");
          }
          events.forEach(e -> handled.add(e.event().sourceId()));
          return List.of();
        };
    try (LoopHarness h = new LoopHarness(batch, 2, t -> false)) {
      for (long o = 0; o < 3; o++) {
        h.add(P0, o);
        h.add(P1, o);
      }

      await().atMost(WAIT).until(() -> h.committed(P0) == 3 && h.committed(P1) == 3);
      assertThat(h.parked).singleElement().satisfies(p -> assertThat(p).startsWith("1 failed 2"));
      assertThat(handled).contains("R0-0", "R0-1", "R0-2", "R1-0", "R1-2").doesNotContain("R1-1");
    }
  }
}

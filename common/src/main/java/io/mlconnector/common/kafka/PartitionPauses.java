package io.mlconnector.common.kafka;

import io.mlconnector.common.retry.GrowingDelay;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Partitions held back after a failure, each until its own backoff has passed, so a record whose
 * target is down does not make the loop spin and other partitions keep flowing. Used only by the
 * consumer thread.
 */
final class PartitionPauses {
  private final GrowingDelay delay;
  private final Map<TopicPartition, Integer> failures = new HashMap<>();
  private final Map<TopicPartition, Long> pausedUntil = new HashMap<>();

  PartitionPauses(Duration initial, Duration max) {
    this.delay = new GrowingDelay(initial, max);
  }

  void pause(Consumer<?, ?> consumer, TopicPartition p) {
    int n = failures.merge(p, 1, Integer::sum);
    pausedUntil.put(p, System.nanoTime() + delay.nth(n).toNanos());
    consumer.pause(Set.of(p));
  }

  void succeeded(TopicPartition p) {
    failures.remove(p);
  }

  void resumeDue(Consumer<?, ?> consumer) {
    long now = System.nanoTime();
    var due =
        pausedUntil.entrySet().stream()
            .filter(e -> e.getValue() <= now)
            .map(Map.Entry::getKey)
            .toList();
    due.forEach(pausedUntil::remove);
    var assigned = consumer.assignment();
    var resumable = due.stream().filter(assigned::contains).toList();
    if (!resumable.isEmpty()) {
      consumer.resume(resumable);
    }
  }

  /** Forgets partitions this consumer lost in a rebalance. */
  void revoked(Collection<TopicPartition> partitions) {
    partitions.forEach(
        p -> {
          pausedUntil.remove(p);
          failures.remove(p);
        });
  }
}

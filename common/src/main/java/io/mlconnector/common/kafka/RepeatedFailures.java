package io.mlconnector.common.kafka;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * Counts how often the record a partition is stuck at failed the same way in a row, so a poison
 * record can be parked after N attempts. Used only by the consumer thread.
 */
final class RepeatedFailures {
  private record Strikes(long offset, String signature, int count) {}

  private final Map<TopicPartition, Strikes> strikes = new HashMap<>();

  /** Records one more failure of the record at {@code offset}; returns the attempts so far. */
  int failed(TopicPartition p, long offset, String signature) {
    Strikes s = strikes.get(p);
    int count =
        s != null && s.offset() == offset && s.signature().equals(signature) ? s.count() : 0;
    strikes.put(p, new Strikes(offset, signature, count + 1));
    return count + 1;
  }

  void clear(TopicPartition p) {
    strikes.remove(p);
  }

  void revoked(Collection<TopicPartition> partitions) {
    partitions.forEach(strikes::remove);
  }
}

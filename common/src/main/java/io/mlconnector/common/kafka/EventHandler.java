package io.mlconnector.common.kafka;

import io.mlconnector.common.audit.AuditEntry.KafkaCoordinates;
import io.mlconnector.common.event.EventEnvelope;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * Handles one event. Data problems must be answered by parking the record, not by throwing: a
 * thrown exception means "try this event again", and the loop retries it in place so nothing behind
 * it in its partition overtakes it. A record that keeps failing the same way is parked by the loop
 * after {@code mlc.kafka.consumer.max-attempts} attempts, unless the failure is a transient kind
 * (see {@link Failures#isTransient}).
 */
@FunctionalInterface
public interface EventHandler {
  void handle(EventEnvelope event, KafkaCoordinates where) throws Exception;

  /**
   * This handler as a {@link BatchHandler}: one event at a time, a partition stops at a failure.
   */
  default BatchHandler oneAtATime() {
    return events -> {
      Set<TopicPartition> stopped = new HashSet<>();
      List<RecordFailure> failures = new ArrayList<>();
      for (ConsumedEvent e : events) {
        TopicPartition partition = new TopicPartition(e.where().topic(), e.where().partition());
        if (stopped.contains(partition)) {
          continue;
        }
        try {
          handle(e.event(), e.where());
        } catch (Exception failure) {
          failures.add(RecordFailure.of(e.where(), failure));
          stopped.add(partition);
        }
      }
      return failures;
    };
  }
}

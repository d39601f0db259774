package io.mlconnector.common.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;

/**
 * What one consumer loop consumes and how it treats failures.
 *
 * @param stage names the loop in parked records and the audit trail (e.g. {@code mapper})
 * @param groupId the consumer group
 * @param topics what it subscribes to
 * @param maxAttempts a record failing this many times in a row the same way is parked
 * @param retryBackoff first pause of a partition whose record failed; doubles per failure
 * @param maxRetryBackoff longest such pause
 * @param maxRecordBytes events larger than this are unreadable (dead-letter topic)
 * @param alsoTransient failures the service knows to be outages of its target (never parked)
 */
public record LoopSettings(
    String stage,
    String groupId,
    Collection<String> topics,
    int maxAttempts,
    Duration retryBackoff,
    Duration maxRetryBackoff,
    int maxRecordBytes,
    Predicate<Throwable> alsoTransient) {

  public LoopSettings {
    topics = List.copyOf(topics);
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
  }

  /** The same loop, with other retry pauses. */
  public LoopSettings withBackoff(Duration initial, Duration max) {
    return new LoopSettings(
        stage, groupId, topics, maxAttempts, initial, max, maxRecordBytes, alsoTransient);
  }

  /** The same loop, also treating these failures as outages of its target. */
  public LoopSettings withTransient(Predicate<Throwable> transientFailure) {
    return new LoopSettings(
        stage,
        groupId,
        topics,
        maxAttempts,
        retryBackoff,
        maxRetryBackoff,
        maxRecordBytes,
        alsoTransient.or(transientFailure));
  }

  /** True if the failure must be retried without counting towards parking. */
  boolean isTransient(RecordFailure f) {
    if (f.retryable()) {
      return true;
    }
    for (Throwable t = f.cause(); t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (alsoTransient.test(t)) {
        return true;
      }
    }
    return false;
  }
}

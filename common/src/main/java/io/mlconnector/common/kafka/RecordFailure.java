package io.mlconnector.common.kafka;

import io.mlconnector.common.audit.AuditEntry.KafkaCoordinates;

/**
 * A record that was not handled and must come again.
 *
 * @param where the record; its partition resumes here
 * @param reason what went wrong, for the log and, if the record is parked, for a person
 * @param cause the exception, or null when the handler reported the failure as an outcome
 * @param retryable true when the failure says nothing about the record itself (its target is down,
 *     the dead-letter topic is unavailable): retried for as long as it takes, never parked
 */
public record RecordFailure(
    KafkaCoordinates where, String reason, Throwable cause, boolean retryable) {

  /** A failure of the record's target, not of the record: retried, never parked. */
  public static RecordFailure retry(KafkaCoordinates where, String reason) {
    return new RecordFailure(where, reason, null, true);
  }

  /** The handler threw: retryable if the exception is a known transient kind, else counted. */
  public static RecordFailure of(KafkaCoordinates where, Throwable cause) {
    return new RecordFailure(where, Failures.describe(cause), cause, Failures.isTransient(cause));
  }
}

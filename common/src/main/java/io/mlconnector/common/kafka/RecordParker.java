package io.mlconnector.common.kafka;

/** Parks a record the loop gave up on (common's {@code ParkedEvents} in a service). */
@FunctionalInterface
public interface RecordParker {
  /**
   * Publishes the record to {@code mlc.parked} with the reason, acknowledged before returning.
   *
   * @throws RuntimeException if it could not: the record stays where it is and is retried
   */
  void park(ConsumedEvent event, String stage, String reason);
}

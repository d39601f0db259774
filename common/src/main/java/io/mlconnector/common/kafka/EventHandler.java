package io.mlconnector.common.kafka;

import io.mlconnector.common.audit.AuditEntry.KafkaCoordinates;
import io.mlconnector.common.event.EventEnvelope;

/**
 * Handles one event. Data problems must be answered by parking the record, not by throwing: a
 * thrown exception means "transient, try this event again", and the loop retries it in place so
 * nothing behind it overtakes it.
 */
@FunctionalInterface
public interface EventHandler {
  void handle(EventEnvelope event, KafkaCoordinates where) throws Exception;
}

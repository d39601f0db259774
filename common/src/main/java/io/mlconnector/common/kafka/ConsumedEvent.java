package io.mlconnector.common.kafka;

import io.mlconnector.common.audit.AuditEntry.KafkaCoordinates;
import io.mlconnector.common.event.EventEnvelope;

/** One readable event as consumed: the envelope, the Kafka key it travelled under, where it was. */
public record ConsumedEvent(EventEnvelope event, String key, KafkaCoordinates where) {}

package io.mlconnector.writer.servicenow.service;

import io.mlconnector.common.audit.AuditEntry.KafkaCoordinates;
import io.mlconnector.common.event.EventEnvelope;

/** One {@code sn.upsert} event as read from Kafka, with its key and coordinates. */
public record IncomingUpsert(EventEnvelope event, String key, KafkaCoordinates where) {}

package io.mlconnector.common.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * Reads and writes {@link EventEnvelope} as JSON with an explicit {@code schemaVersion}. Readers
 * reject versions they do not know instead of guessing, so a newer producer cannot be half-read.
 */
public final class EnvelopeCodec {
  /**
   * Default upper bound on one serialized event ({@code mlc.kafka.max-record-bytes}); larger ones
   * are refused before parsing. Under the broker's default {@code message.max.bytes} (1 MiB plus
   * batch overhead), so whatever a producer may send a consumer can read.
   */
  public static final int MAX_EVENT_BYTES = 1_000_000;

  /** Longest trace id: the audit trail's {@code trace_id varchar(64)}. */
  public static final int MAX_TRACE_ID_CHARS = 64;

  /** Longest source id: the writer ledger's {@code external_id varchar(512)}. */
  public static final int MAX_SOURCE_ID_CHARS = 512;

  /** Longest source version (a timestamp and a hash need far less). */
  public static final int MAX_SOURCE_VERSION_CHARS = 512;

  private static final ObjectMapper JSON = new ObjectMapper();

  private EnvelopeCodec() {}

  public static byte[] write(EventEnvelope e) {
    ObjectNode node = JSON.createObjectNode();
    node.put("schemaVersion", EventEnvelope.SCHEMA_VERSION);
    node.put("eventId", e.eventId().toString());
    node.put("tenant", e.tenant());
    node.put("entity", e.entity().wireName());
    node.put("sourceSystem", e.sourceSystem().name());
    node.put("sourceId", e.sourceId());
    node.put("sourceVersion", e.sourceVersion());
    node.put("occurredAt", e.occurredAt().toString());
    node.put("traceId", e.traceId());
    node.set("payload", e.payload());
    try {
      return JSON.writeValueAsBytes(node);
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  /**
   * Parses one event.
   *
   * @throws EnvelopeFormatException naming what is wrong: not JSON, too large, wrong schema
   *     version, or which field is missing or invalid
   */
  public static EventEnvelope read(byte[] bytes) {
    return read(bytes, MAX_EVENT_BYTES);
  }

  /**
   * Parses one event of at most {@code maxBytes}.
   *
   * @throws EnvelopeFormatException as {@link #read(byte[])}
   */
  public static EventEnvelope read(byte[] bytes, int maxBytes) {
    if (bytes == null || bytes.length == 0) {
      throw new EnvelopeFormatException("event is empty");
    }
    if (bytes.length > maxBytes) {
      throw new EnvelopeFormatException(
          "event is " + bytes.length + " bytes, over the limit of " + maxBytes);
    }
    JsonNode node;
    try {
      node = JSON.readTree(bytes);
    } catch (JsonProcessingException e) {
      throw new EnvelopeFormatException("event is not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new EnvelopeFormatException("event cannot be read: " + e.getMessage(), e);
    }
    if (node == null || !node.isObject()) {
      throw new EnvelopeFormatException("event must be a JSON object");
    }
    JsonNode version = node.get("schemaVersion");
    if (version == null || !version.canConvertToInt()) {
      throw new EnvelopeFormatException("event has no integer schemaVersion");
    }
    if (version.asInt() != EventEnvelope.SCHEMA_VERSION) {
      throw new EnvelopeFormatException(
          "unsupported schemaVersion "
              + version.asText()
              + "; this reader understands "
              + EventEnvelope.SCHEMA_VERSION);
    }
    try {
      return new EventEnvelope(
          UUID.fromString(text(node, "eventId")),
          text(node, "tenant"),
          EntityType.fromWireName(text(node, "entity")),
          SourceSystem.valueOf(text(node, "sourceSystem")),
          bounded(node, "sourceId", MAX_SOURCE_ID_CHARS),
          bounded(node, "sourceVersion", MAX_SOURCE_VERSION_CHARS),
          Instant.parse(text(node, "occurredAt")),
          bounded(node, "traceId", MAX_TRACE_ID_CHARS),
          required(node, "payload"));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new EnvelopeFormatException("invalid event: " + e.getMessage(), e);
    }
  }

  private static JsonNode required(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new EnvelopeFormatException("event has no '" + field + "'");
    }
    return value;
  }

  /** A field every stage stores: longer than its column would fail a record at every retry. */
  private static String bounded(JsonNode node, String field, int maxChars) {
    String value = text(node, field);
    if (value.length() > maxChars) {
      throw new EnvelopeFormatException(
          "event field '"
              + field
              + "' is "
              + value.length()
              + " characters, over the limit of "
              + maxChars);
    }
    return value;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = required(node, field);
    if (!value.isTextual()) {
      throw new EnvelopeFormatException("event field '" + field + "' must be a string");
    }
    return value.asText();
  }
}

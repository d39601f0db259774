package io.mlconnector.common.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EnvelopeCodecTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static EventEnvelope sample() {
    ObjectNode payload = JSON.createObjectNode().put("po_nbr", "PO1001").put("qty", 12.5);
    payload.putArray("lines").addObject().put("line", 1).put("desc", "Bolt, M8 ^ \"hex\" ü");
    return EventEnvelope.create(
        "acme",
        EntityType.PURCHASE_ORDER,
        SourceSystem.QAD,
        "PO1001",
        "2026-11-26T10:00:00Z#PO1001",
        Instant.parse("2026-11-26T10:00:00.123Z"),
        payload);
  }

  @Test
  void roundTripKeepsEveryField() {
    EventEnvelope original = sample();
    EventEnvelope read = EnvelopeCodec.read(EnvelopeCodec.write(original));
    assertThat(read).isEqualTo(original);
  }

  @Test
  void writesExplicitSchemaVersion() throws Exception {
    var node = JSON.readTree(EnvelopeCodec.write(sample()));
    assertThat(node.get("schemaVersion").asInt()).isEqualTo(EventEnvelope.SCHEMA_VERSION);
    assertThat(node.get("entity").asText()).isEqualTo("purchase-order");
  }

  @Test
  void unknownSchemaVersionIsRejectedWithClearError() throws Exception {
    ObjectNode node = (ObjectNode) JSON.readTree(EnvelopeCodec.write(sample()));
    node.put("schemaVersion", 99);
    assertThatThrownBy(() -> EnvelopeCodec.read(JSON.writeValueAsBytes(node)))
        .isInstanceOf(EnvelopeFormatException.class)
        .hasMessage("unsupported schemaVersion 99; this reader understands 1");
  }

  @Test
  void malformedJsonIsRejectedWithClearError() {
    byte[] garbage = "<html>502 Bad Gateway</html>".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> EnvelopeCodec.read(garbage))
        .isInstanceOf(EnvelopeFormatException.class)
        .hasMessageStartingWith("event is not valid JSON");
  }

  @Test
  void missingFieldIsNamed() throws Exception {
    ObjectNode node = (ObjectNode) JSON.readTree(EnvelopeCodec.write(sample()));
    node.remove("sourceId");
    assertThatThrownBy(() -> EnvelopeCodec.read(JSON.writeValueAsBytes(node)))
        .isInstanceOf(EnvelopeFormatException.class)
        .hasMessage("event has no 'sourceId'");
  }

  @Test
  void unknownEntityAndBadTenantAreRejected() throws Exception {
    ObjectNode node = (ObjectNode) JSON.readTree(EnvelopeCodec.write(sample()));
    node.put("entity", "spaceship");
    assertThatThrownBy(() -> EnvelopeCodec.read(JSON.writeValueAsBytes(node)))
        .isInstanceOf(EnvelopeFormatException.class)
        .hasMessageContaining("unknown entity 'spaceship'");
    node.put("entity", "supplier").put("tenant", "ACME|evil");
    assertThatThrownBy(() -> EnvelopeCodec.read(JSON.writeValueAsBytes(node)))
        .isInstanceOf(EnvelopeFormatException.class)
        .hasMessageContaining("tenant id 'ACME|evil' is invalid");
  }

  @Test
  void emptyAndNonObjectAndOversizeAreRejected() {
    assertThatThrownBy(() -> EnvelopeCodec.read(new byte[0])).hasMessage("event is empty");
    assertThatThrownBy(() -> EnvelopeCodec.read("[1,2]".getBytes(StandardCharsets.UTF_8)))
        .hasMessage("event must be a JSON object");
    byte[] huge = new byte[EnvelopeCodec.MAX_EVENT_BYTES + 1];
    assertThatThrownBy(() -> EnvelopeCodec.read(huge)).hasMessageContaining("over the limit");
  }

  @Test
  void fieldsLongerThanTheColumnsThatStoreThemAreRejectedAtDecode() throws Exception {
    for (String field : new String[] {"traceId", "sourceId", "sourceVersion"}) {
      ObjectNode node = (ObjectNode) JSON.readTree(EnvelopeCodec.write(sample()));
      int limit =
          field.equals("traceId")
              ? EnvelopeCodec.MAX_TRACE_ID_CHARS
              : field.equals("sourceId")
                  ? EnvelopeCodec.MAX_SOURCE_ID_CHARS
                  : EnvelopeCodec.MAX_SOURCE_VERSION_CHARS;
      node.put(field, "a".repeat(limit));
      assertThat(EnvelopeCodec.read(JSON.writeValueAsBytes(node))).isNotNull();
      node.put(field, "a".repeat(limit + 1));
      byte[] tooLong = JSON.writeValueAsBytes(node);
      assertThatThrownBy(() -> EnvelopeCodec.read(tooLong))
          .isInstanceOf(EnvelopeFormatException.class)
          .hasMessageContaining("'" + field + "' is " + (limit + 1) + " characters");
    }
  }

  @Test
  void theSizeLimitIsTheConfiguredOne() {
    byte[] bytes = EnvelopeCodec.write(sample());
    assertThatThrownBy(() -> EnvelopeCodec.read(bytes, bytes.length - 1))
        .isInstanceOf(EnvelopeFormatException.class)
        .hasMessageContaining("over the limit of " + (bytes.length - 1));
  }
}

package io.mlconnector.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.common.event.EntityType;
import io.mlconnector.common.event.EnvelopeCodec;
import io.mlconnector.common.event.EventEnvelope;
import io.mlconnector.common.event.SourceSystem;
import io.mlconnector.common.event.Topics;
import io.mlconnector.common.kafka.EventPublisher.Outgoing;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class EventPublisherTest {
  private static final int LIMIT = 10_000;
  private final MockProducer<String, byte[]> producer =
      new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
  private final EventPublisher publisher = new EventPublisher(producer, LIMIT);

  private static EventEnvelope supplier(String id, int payloadChars) {
    ObjectNode payload =
        JsonNodeFactory.instance.objectNode().put("notes", "x".repeat(payloadChars));
    return EventEnvelope.create(
        "acme", EntityType.SUPPLIER, SourceSystem.QAD, id, "v1", Instant.EPOCH, payload);
  }

  @Test
  void anEventOverTheLimitIsParkedWithItsReasonSoTheCallerCanMoveOn() {
    EventEnvelope small = supplier("S1", 10);
    EventEnvelope huge = supplier("H1", LIMIT + 1);

    List<RecordMetadata> acks =
        publisher.publishAndAwait(
            List.of(
                new Outgoing(Topics.QAD_SUPPLIER_CHANGED, "acme|supplier|S1", small),
                new Outgoing(Topics.QAD_SUPPLIER_CHANGED, "acme|supplier|H1", huge)),
            Duration.ofSeconds(5));

    assertThat(acks)
        .extracting(RecordMetadata::topic)
        .containsExactly(Topics.QAD_SUPPLIER_CHANGED, Topics.PARKED);
    var parked = producer.history().get(1);
    assertThat(parked.key()).isEqualTo("acme|supplier|H1");
    assertThat(parked.value().length).isLessThan(LIMIT);
    EventEnvelope event = EnvelopeCodec.read(parked.value());
    assertThat(event.sourceId()).isEqualTo("H1");
    assertThat(event.traceId()).isEqualTo(huge.traceId());
    assertThat(event.payload().path("reason").asText())
        .contains("over mlc.kafka.max-record-bytes (" + LIMIT + ")");
    assertThat(event.payload().path("originalTopic").asText())
        .isEqualTo(Topics.QAD_SUPPLIER_CHANGED);
    assertThat(event.payload().path("originalBytes").asInt()).isGreaterThan(LIMIT);
    assertThat(event.payload().has("original")).isFalse();
  }

  @Test
  void deadLetteredBytesOverTheLimitAreCutToItAndSaySo() {
    byte[] value = "y".repeat(LIMIT * 3).getBytes(StandardCharsets.UTF_8);

    publisher.publishRawAndAwait(Topics.DLQ, "k", value, "too large", Duration.ofSeconds(5));

    var sent = producer.history().get(0);
    assertThat(sent.value()).hasSize(LIMIT);
    assertThat(new String(sent.headers().lastHeader("mlc-original-bytes").value()))
        .isEqualTo(Integer.toString(LIMIT * 3));
  }
}

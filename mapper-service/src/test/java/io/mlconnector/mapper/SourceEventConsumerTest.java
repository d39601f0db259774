package io.mlconnector.mapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mlconnector.common.audit.AuditEntry;
import io.mlconnector.common.audit.AuditStage;
import io.mlconnector.common.event.EntityType;
import io.mlconnector.common.event.EnvelopeCodec;
import io.mlconnector.common.event.EventEnvelope;
import io.mlconnector.common.event.EventKey;
import io.mlconnector.common.event.SourceSystem;
import io.mlconnector.common.event.Topics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(MapperStack.class)
class SourceEventConsumerTest extends MapperTestBase {

  @Test
  void sourceEventIsReceivedThroughTheBrokerAndRecordedWithItsCoordinates() throws Exception {
    String supplier = "V-" + UUID.randomUUID();
    EventEnvelope event =
        EventEnvelope.create(
            "acme",
            EntityType.SUPPLIER,
            SourceSystem.QAD,
            supplier,
            "2026-11-26T10:00:00Z",
            Instant.parse("2026-11-26T10:00:00Z"),
            json.createObjectNode().put("vd_addr", supplier).put("vd_sort", "Acme Metals"));
    topics.send(
        Topics.QAD_SUPPLIER_CHANGED,
        EventKey.of("acme", EntityType.SUPPLIER, supplier),
        EnvelopeCodec.write(event));

    List<AuditEntry> trail =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> audit.history("acme", supplier), rows -> !rows.isEmpty());

    AuditEntry received = trail.get(0);
    assertThat(received.stage()).isEqualTo(AuditStage.RECEIVED);
    assertThat(received.eventId()).isEqualTo(event.eventId());
    assertThat(received.traceId()).isEqualTo(event.traceId());
    assertThat(received.payloadHash()).hasSize(64);
    assertThat(received.kafka().topic()).isEqualTo(Topics.QAD_SUPPLIER_CHANGED);
  }

  @Test
  void unreadableEventGoesToTheDeadLetterTopicWithItsReason() throws Exception {
    String key = "acme|supplier|garbage-" + UUID.randomUUID();
    topics.send(
        Topics.QAD_SUPPLIER_CHANGED,
        key,
        "<html>502 Bad Gateway</html>".getBytes(StandardCharsets.UTF_8));

    var dlq =
        topics.readUntil(
            Topics.DLQ,
            seen -> seen.stream().anyMatch(r -> key.equals(r.key())),
            Duration.ofSeconds(30));

    var parked = dlq.stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow();
    String reason =
        new String(parked.headers().lastHeader("mlc-reason").value(), StandardCharsets.UTF_8);
    assertThat(reason).startsWith("event is not valid JSON");
    assertThat(new String(parked.value(), StandardCharsets.UTF_8)).contains("502 Bad Gateway");
  }
}

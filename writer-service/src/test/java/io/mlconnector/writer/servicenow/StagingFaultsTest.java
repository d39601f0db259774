package io.mlconnector.writer.servicenow;

import static io.mlconnector.writer.servicenow.StagingScenario.SUPPLIERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.common.audit.AuditEntry;
import io.mlconnector.common.audit.AuditStage;
import io.mlconnector.common.audit.AuditTrail;
import io.mlconnector.common.event.EnvelopeCodec;
import io.mlconnector.common.event.EventEnvelope;
import io.mlconnector.common.event.Topics;
import io.mlconnector.common.kafka.EventPublisher;
import io.mlconnector.stack.SharedStack;
import io.mlconnector.stack.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(WriterTestStack.class)
class StagingFaultsTest {
  @Inject EventPublisher publisher;
  @Inject AuditTrail audit;

  @Test
  void idsThatWouldBreakAQueryAreStoredInAReversibleSafeForm() throws Exception {
    StagingScenario s = StagingScenario.ready(false);
    List<String> ids = List.of("A^B", "C,D", "E=F", "G\nH", "L".repeat(300), "PLAIN-1");
    List<EventEnvelope> events = new ArrayList<>();
    ids.forEach(id -> events.add(s.supplier(id, "n")));

    s.send(publisher, null, events);
    ids.forEach(id -> awaitStage(s.tenant, id, AuditStage.WRITTEN, 1));
    long writes = s.sn.counters().writes();
    s.send(publisher, null, events);
    ids.forEach(id -> awaitStage(s.tenant, id, AuditStage.SKIPPED_UNCHANGED, 1));

    assertThat(s.rows()).hasSize(ids.size());
    for (String id : ids) {
      String stored =
          id.equals("PLAIN-1")
              ? id
              : "b64:"
                  + Base64.getUrlEncoder()
                      .withoutPadding()
                      .encodeToString(id.getBytes(StandardCharsets.UTF_8));
      assertThat(s.rows())
          .filteredOn(r -> stored.equals(r.get("u_external_id")))
          .singleElement()
          .satisfies(r -> assertThat(r).containsEntry("u_supplier_code", id));
    }
    assertThat(s.sn.counters().writes()).isEqualTo(writes);
  }

  @Test
  void batchApiModeWritesThroughBatchCalls() throws Exception {
    StagingScenario s = StagingScenario.ready(true);
    List<EventEnvelope> events = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      events.add(s.supplier("BA" + i, "n" + i));
    }
    s.sn.insert(SUPPLIERS, Map.of("u_external_id", "BA0", "u_name", "old"));

    s.send(publisher, s.tenant + "|supplier|bulk", events);
    for (int i = 0; i < 5; i++) {
      awaitStage(s.tenant, "BA" + i, AuditStage.WRITTEN, 1);
    }

    assertThat(s.rows()).hasSize(5).allMatch(r -> r.get("u_name").startsWith("n"));
    // Per poll that carried the records, one Batch call for the lookups and one for the writes:
    // two, or four when the consumer's poll caught the producer's batch half-written (seen on
    // loaded machines). Lookups are GET sub-requests, not Table API calls.
    assertThat(s.calls("POST", "batch")).isIn(2L, 4L);
    assertThat(s.sn.counters().httpRequests() - s.calls("POST", "oauth_token.do"))
        .isEqualTo(s.calls("POST", "batch"));
    assertThat(s.calls("POST", "table/" + SUPPLIERS)).isEqualTo(4); // batch items count per table
    assertThat(s.calls("PATCH", "table/" + SUPPLIERS)).isEqualTo(1);
  }

  @Test
  void rateLimitStormEndsWithEveryRowWrittenExactlyOnce() throws Exception {
    StagingScenario s = StagingScenario.ready(false);
    List<EventEnvelope> events = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      events.add(s.supplier("RL" + i, "n" + i));
    }
    s.sn.faults().rateLimitStorm(4, 1);

    s.send(publisher, null, events);
    for (int i = 0; i < 6; i++) {
      awaitStage(s.tenant, "RL" + i, AuditStage.WRITTEN, 1);
    }

    assertThat(s.rows()).hasSize(6);
    assertThat(s.rows().stream().map(r -> r.get("u_external_id")).distinct()).hasSize(6);
    s.sn.faults().clear();
  }

  @Test
  void aclDeniedTableParksTheRowWithAnActionableReason() throws Exception {
    StagingScenario s = StagingScenario.create(false, "sn_ap_apm.reader");
    EventEnvelope event = s.supplier("ACL1", "n");

    s.send(publisher, null, List.of(event));
    awaitStage(s.tenant, "ACL1", AuditStage.PARKED, 1);

    AuditEntry parked =
        audit.history(s.tenant, "ACL1").stream()
            .filter(e -> e.stage() == AuditStage.PARKED)
            .findFirst()
            .orElseThrow();
    assertThat(parked.error()).contains("ACL").contains("sn_fcms_intg.integration_user");
    assertThat(parked.kafka().topic()).isEqualTo(Topics.SN_UPSERT);
    assertThat(s.rows()).isEmpty();
    var onTopic =
        new TopicProbe(SharedStack.endpoints())
            .readUntil(
                Topics.PARKED,
                seen -> seen.stream().anyMatch(r -> parkedEventOf(r.value(), event)),
                Duration.ofSeconds(60));
    JsonNode payload =
        onTopic.stream()
            .map(r -> EnvelopeCodec.read(r.value()))
            .filter(e -> e.traceId().equals(event.traceId()))
            .findFirst()
            .orElseThrow()
            .payload();
    assertThat(payload.path("reason").asText()).contains("ACL");
    assertThat(payload.path("original").path("externalId").asText()).isEqualTo("ACL1");
    assertThat(payload.path("originalTopic").asText()).isEqualTo(Topics.SN_UPSERT);
  }

  @Test
  void tenantWhoseServiceNowIsDownLosesNothing() throws Exception {
    StagingScenario s = StagingScenario.ready(false);
    s.sn.faults().serverErrors(1.0, 503);

    s.send(publisher, null, List.of(s.supplier("DOWN1", "n")));
    awaitStage(s.tenant, "DOWN1", AuditStage.FAILED, 1);
    s.sn.faults().clear();
    awaitStage(s.tenant, "DOWN1", AuditStage.WRITTEN, 1);

    assertThat(s.rows())
        .singleElement()
        .satisfies(r -> assertThat(r).containsEntry("u_external_id", "DOWN1"));
  }

  private boolean parkedEventOf(byte[] value, EventEnvelope original) {
    try {
      return EnvelopeCodec.read(value).traceId().equals(original.traceId());
    } catch (RuntimeException unreadable) {
      return false;
    }
  }

  private void awaitStage(String tenant, String id, AuditStage stage, int count) {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                audit.history(tenant, id).stream().filter(e -> e.stage() == stage).count()
                    >= count);
  }
}

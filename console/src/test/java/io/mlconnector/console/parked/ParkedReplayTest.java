package io.mlconnector.console.parked;

import static io.mlconnector.stack.ApiTokenFixtures.OPERATE;
import static io.mlconnector.stack.ApiTokenFixtures.READ;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.common.event.EntityType;
import io.mlconnector.common.event.EnvelopeCodec;
import io.mlconnector.common.event.EventEnvelope;
import io.mlconnector.common.event.EventKey;
import io.mlconnector.common.event.SourceSystem;
import io.mlconnector.common.event.Topics;
import io.mlconnector.stack.SharedStack;
import io.mlconnector.stack.StackResource;
import io.mlconnector.stack.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A replay goes only where a parked record of its kind can come from, whatever {@code mlc.parked}
 * says, and the console's audit names the operator who replayed.
 */
@QuarkusTest
@QuarkusTestResource(StackResource.class)
class ParkedReplayTest {
  @Inject ParkedStore store;
  private final TopicProbe topics = new TopicProbe(SharedStack.endpoints());
  private final String tenant = "replay-" + UUID.randomUUID().toString().substring(0, 8);

  @Test
  void aMapperParkingGoesBackToItsChangeTopicAndTheAuditNamesTheOperator() throws Exception {
    String supplier = "S-" + UUID.randomUUID().toString().substring(0, 6);
    park(mapperParking(EntityType.SUPPLIER, supplier, Topics.QAD_SUPPLIER_CHANGED));

    replay("supplier", supplier)
        .then()
        .statusCode(200)
        .body("replayedTo", equalTo(Topics.QAD_SUPPLIER_CHANGED));

    assertThat(eventsOf(Topics.QAD_SUPPLIER_CHANGED, supplier)).hasSize(1);
    given()
        .header("Authorization", "Bearer " + READ)
        .get("/audit/" + tenant + "/" + supplier)
        .then()
        .statusCode(200)
        .body("find { it.stage == 'REPLAYED' }.service", equalTo("console"))
        .body("find { it.stage == 'REPLAYED' }.actor", equalTo("test-operator"))
        .body("find { it.stage == 'REPLAYED' }.targetId", equalTo(Topics.QAD_SUPPLIER_CHANGED));
  }

  @Test
  void aReplayedRecordShowsResolvedUntilItIsParkedAgain() throws Exception {
    String supplier = "S-" + UUID.randomUUID().toString().substring(0, 6);
    EventEnvelope first = mapperParking(EntityType.SUPPLIER, supplier, Topics.QAD_SUPPLIER_CHANGED);
    park(first);
    given()
        .header("Authorization", "Bearer " + READ)
        .get("/parked/" + tenant)
        .then()
        .statusCode(200)
        .body("find { it.sourceId == '" + supplier + "' }.status", equalTo("PARKED"))
        .body("find { it.sourceId == '" + supplier + "' }.reason", equalTo("test"))
        .body(
            "find { it.sourceId == '" + supplier + "' }.summary",
            equalTo("table=sys_user_has_role, externalId=" + supplier));

    replay("supplier", supplier).then().statusCode(200);

    assertThat(listed(false)).doesNotContain(supplier + ":PARKED");
    given()
        .header("Authorization", "Bearer " + READ)
        .queryParam("resolved", true)
        .get("/parked/" + tenant)
        .then()
        .statusCode(200)
        .body("find { it.sourceId == '" + supplier + "' }.status", equalTo("RESOLVED"))
        .body("find { it.sourceId == '" + supplier + "' }.resolvedBy", equalTo("test-operator"));

    // The replay fails the same way: the record is parked again and shows as open again.
    park(mapperParking(EntityType.SUPPLIER, supplier, Topics.QAD_SUPPLIER_CHANGED));
    assertThat(listed(false)).contains(supplier + ":PARKED");
  }

  @Test
  void aForgedParkingNamingACommandTopicIsRefusedAndNothingIsSent() throws Exception {
    String id = "forged-" + UUID.randomUUID().toString().substring(0, 6);
    // A mapper-style parking whose "original" is a staging command for a role table.
    park(mapperParking(EntityType.SUPPLIER, id, Topics.SN_UPSERT));

    replay("supplier", id).then().statusCode(400).body("code", equalTo("replay-refused"));
    assertThat(eventsOf(Topics.SN_UPSERT, id)).isEmpty();
    assertThat(eventsOf(Topics.QAD_SUPPLIER_CHANGED, id)).isEmpty();
  }

  @Test
  void aWriterParkingNamingAnyOtherTopicIsRefused() throws Exception {
    String id = "forged-" + UUID.randomUUID().toString().substring(0, 6);
    park(writerParking(EntityType.SUPPLIER, id, Topics.QAD_SUPPLIER_CHANGED));

    replay("supplier", id).then().statusCode(400).body("code", equalTo("replay-refused"));
    assertThat(eventsOf(Topics.QAD_SUPPLIER_CHANGED, id)).isEmpty();
  }

  private io.restassured.response.Response replay(String entity, String sourceId) {
    return given()
        .header("Authorization", "Bearer " + OPERATE)
        .queryParam("entity", entity)
        .queryParam("sourceId", sourceId)
        .post("/parked/" + tenant + "/replay");
  }

  private EventEnvelope mapperParking(EntityType entity, String id, String originalTopic) {
    ObjectNode original = JsonNodeFactory.instance.objectNode();
    original.put("table", "sys_user_has_role");
    original.put("externalId", id);
    ObjectNode payload = JsonNodeFactory.instance.objectNode();
    payload.put("stage", "mapper");
    payload.put("reason", "test");
    payload.put("originalTopic", originalTopic);
    payload.set("original", original);
    payload.put("originalSourceSystem", "QAD");
    payload.put("originalKey", EventKey.of(tenant, entity, id));
    return envelope(entity, id, payload);
  }

  private EventEnvelope writerParking(EntityType entity, String id, String sourceTopic) {
    ObjectNode payload = JsonNodeFactory.instance.objectNode();
    payload.put("stage", "writer");
    payload.put("reason", "test");
    payload.putObject("source").put("topic", sourceTopic);
    payload.putObject("command").put("table", "sys_user_has_role");
    return envelope(entity, id, payload);
  }

  private EventEnvelope envelope(EntityType entity, String id, ObjectNode payload) {
    return EventEnvelope.create(
        tenant, entity, SourceSystem.CONNECTOR, id, "v1", Instant.now(), payload);
  }

  /** Parks on the topic and waits until the console has kept it. */
  private void park(EventEnvelope parked) throws Exception {
    topics.send(
        Topics.PARKED,
        EventKey.of(tenant, parked.entity(), parked.sourceId()),
        EnvelopeCodec.write(parked));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> listed(true).contains(parked.sourceId() + ":" + parked.eventId()));
  }

  /** {@code sourceId:status} of every listed record, or {@code sourceId:eventId} of stored ones. */
  private List<String> listed(boolean withResolved) {
    List<String> out = new java.util.ArrayList<>();
    for (ParkedRecord r : store.list(tenant, withResolved)) {
      out.add(r.parked().sourceId() + ":" + r.status());
      out.add(r.parked().sourceId() + ":" + r.parked().eventId());
    }
    return out;
  }

  /** Events of this test's tenant and record on a topic (read to its current end). */
  private List<EventEnvelope> eventsOf(String topic, String sourceId) {
    List<ConsumerRecord<String, byte[]>> all =
        topics.readUntil(topic, seen -> false, Duration.ofSeconds(3));
    List<EventEnvelope> ours = new java.util.ArrayList<>();
    for (ConsumerRecord<String, byte[]> r : all) {
      try {
        EventEnvelope e = EnvelopeCodec.read(r.value());
        if (e.tenant().equals(tenant) && e.sourceId().equals(sourceId)) {
          ours.add(e);
        }
      } catch (io.mlconnector.common.event.EnvelopeFormatException otherTestsJunk) {
        // Other tests put unreadable bytes on source topics on purpose.
      }
    }
    return ours;
  }
}

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
import io.mlconnector.common.kafka.EventPublisher;
import io.mlconnector.common.kafka.PublishException;
import io.mlconnector.common.tenant.Tenant;
import io.mlconnector.stack.SharedStack;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The mapper sends a poll's commands together (one flush): their order per key stays the source
 * order, and a command the broker does not acknowledge in the middle of a poll costs nothing: the
 * poll is not committed and comes again.
 */
@QuarkusTest
@QuarkusTestResource(MapperStack.class)
class CommandBatchPublishTest extends MapperTestBase {
  private static final int LINES = 30;

  @Inject EventPublisher publisher;

  /** Sends through the real publisher, except that it loses the first poll of a tenant halfway. */
  static final class HalfwayFailingPublisher extends EventPublisher {
    final EventPublisher real;
    final String tenant;
    final AtomicInteger refused = new AtomicInteger();

    HalfwayFailingPublisher(EventPublisher real, String tenant) {
      super(SharedStack.endpoints().kafkaAdminSettings());
      this.real = real;
      this.tenant = tenant;
    }

    @Override
    public List<RecordMetadata> publishAndAwait(List<Outgoing> events, Duration timeout) {
      boolean ours =
          events.size() > 1
              && events.stream()
                  .allMatch(
                      o -> o.topic().equals(Topics.SN_UPSERT) && o.event().tenant().equals(tenant));
      if (ours && refused.compareAndSet(0, 1)) {
        real.publishAndAwait(events.subList(0, events.size() / 2), timeout);
        throw new PublishException(
            "broker did not acknowledge " + (events.size() - events.size() / 2) + " event(s)",
            null);
      }
      return real.publishAndAwait(events, timeout);
    }
  }

  @AfterEach
  void realPublisher() {
    QuarkusMock.installMockForType(ClientProxy.unwrap(publisher), EventPublisher.class);
  }

  @Test
  void aPollsCommandsOfOneKeyArriveInTheOrderOfTheirSourceEvents() throws Exception {
    String tenant = tenant();
    List<String> sent = publishLinesInOneBurst(tenant, "PO1");

    List<ConsumerRecord<String, byte[]>> commands = awaitCommands(tenant, "PO1", sent);

    assertThat(externalIds(commands)).containsExactlyElementsOf(sent);
    for (ConsumerRecord<String, byte[]> c : commands) {
      String id = EnvelopeCodec.read(c.value()).payload().path("externalId").asText();
      List<AuditEntry> trail = audit.history(tenant, id);
      assertThat(trail)
          .extracting(AuditEntry::stage)
          .containsExactly(AuditStage.RECEIVED, AuditStage.MAPPED);
      assertThat(trail.get(1).kafka().topic()).isEqualTo(Topics.SN_UPSERT);
      assertThat(trail.get(1).kafka().offset()).isEqualTo(c.offset());
    }
  }

  @Test
  void aCommandTheBrokerDoesNotAcknowledgeMidPollLosesNothingAndThePollComesAgain()
      throws Exception {
    String tenant = tenant();
    HalfwayFailingPublisher failing =
        new HalfwayFailingPublisher(ClientProxy.unwrap(publisher), tenant);
    QuarkusMock.installMockForType(failing, EventPublisher.class);

    List<String> sent = publishLinesInOneBurst(tenant, "PO2");
    List<ConsumerRecord<String, byte[]>> commands = awaitCommands(tenant, "PO2", sent);

    assertThat(failing.refused).hasValue(1);
    List<String> ids = externalIds(commands);
    // The first half went out before the failure and again when the poll came back; the
    // retried poll sends every line, in source order, after them.
    int half = ids.size() - LINES;
    assertThat(half).isPositive();
    assertThat(ids.subList(0, half)).containsExactlyElementsOf(sent.subList(0, half));
    assertThat(ids.subList(half, ids.size())).containsExactlyElementsOf(sent);
    for (String id : sent) {
      List<AuditEntry> trail = audit.history(tenant, id);
      // The failed attempt's rows were rolled back with it: one trail per line, pointing at the
      // command that the retry sent.
      assertThat(trail)
          .extracting(AuditEntry::stage)
          .containsExactly(AuditStage.RECEIVED, AuditStage.MAPPED);
      long lastOffset =
          commands.stream()
              .filter(c -> id.equals(externalId(c)))
              .mapToLong(ConsumerRecord::offset)
              .max()
              .orElseThrow();
      assertThat(trail.get(1).kafka().offset()).isEqualTo(lastOffset);
    }
  }

  private String tenant() throws Exception {
    String id = "batch-" + UUID.randomUUID().toString().substring(0, 8);
    MapperStack.tenants()
        .put(
            new Tenant(
                id,
                "Batch test",
                true,
                new Tenant.Qad(URI.create("https://qad.example"), "10USA_10USACO", "c", "u", null),
                new Tenant.ServiceNow(URI.create("https://sn.example"), "c", null, false),
                Map.of(),
                Map.of(),
                false,
                false));
    return id;
  }

  /**
   * PO lines of one order, under its key, written to the broker as one record batch: the mapper's
   * consumer gets them in one poll.
   */
  private List<String> publishLinesInOneBurst(String tenant, String po) throws Exception {
    Map<String, Object> config = new HashMap<>(SharedStack.endpoints().kafkaAdminSettings());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.LINGER_MS_CONFIG, 1000);
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    List<String> ids = new ArrayList<>();
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
      for (int line = 1; line <= LINES; line++) {
        String id = po + "|" + line;
        EventEnvelope event =
            EventEnvelope.create(
                tenant,
                EntityType.PURCHASE_ORDER_LINE,
                SourceSystem.QAD,
                id,
                "v1",
                Instant.now(),
                json.createObjectNode()
                    .put("pod_nbr", po)
                    .put("pod_line", line)
                    .put("pod_part", "BOLT-" + line)
                    .put("pod_qty_ord", line)
                    .put("pod_pur_cost", 1.5)
                    .put("pod_um", "EA")
                    .put("pod_due_date", "2026-12-01"));
        producer.send(
            new ProducerRecord<>(
                Topics.QAD_PO_CHANGED,
                EventKey.of(tenant, EntityType.PURCHASE_ORDER_LINE, po),
                EnvelopeCodec.write(event)));
        ids.add(id);
      }
      producer.flush();
    }
    return ids;
  }

  /** Every sn.upsert command under the order's key, once each line has arrived. */
  private List<ConsumerRecord<String, byte[]>> awaitCommands(
      String tenant, String po, List<String> ids) {
    String key = EventKey.of(tenant, EntityType.PURCHASE_ORDER_LINE, po);
    List<ConsumerRecord<String, byte[]>> read =
        topics.readUntil(
            Topics.SN_UPSERT,
            rs -> externalIds(ours(rs, key)).containsAll(ids),
            Duration.ofSeconds(60));
    // Audit rows are written in the poll's transaction right after the acknowledgement.
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> ids.stream().allMatch(id -> audit.history(tenant, id).size() >= 2));
    return ours(read, key);
  }

  private static List<ConsumerRecord<String, byte[]>> ours(
      List<ConsumerRecord<String, byte[]>> records, String key) {
    return records.stream().filter(r -> key.equals(r.key())).toList();
  }

  private static List<String> externalIds(List<ConsumerRecord<String, byte[]>> records) {
    return records.stream().map(CommandBatchPublishTest::externalId).toList();
  }

  private static String externalId(ConsumerRecord<String, byte[]> r) {
    return EnvelopeCodec.read(r.value()).payload().path("externalId").asText();
  }
}

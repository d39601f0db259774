package io.mlconnector.stack.chaos;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.common.event.EntityType;
import io.mlconnector.common.event.EnvelopeCodec;
import io.mlconnector.common.event.EventEnvelope;
import io.mlconnector.common.event.EventKey;
import io.mlconnector.common.event.SourceSystem;
import io.mlconnector.common.event.Topics;
import io.mlconnector.sandbox.SandboxLandscape;
import io.mlconnector.sandbox.qad.QadEntity;
import io.mlconnector.sandbox.qad.QadRow;
import io.mlconnector.sandbox.qad.QadTenant;
import io.mlconnector.stack.chaos.GroundTruth.Poisoned;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A poisoned record per tenant: a QAD cost center event that decodes, but whose code is longer than
 * the mapper's {@code qad_dimension.code} column (varchar(255)), so the mapper's handler throws on
 * it every time. It must end parked with a reason, and the partition must move on: right after it,
 * a real cost center on the same key (so the same partition) is changed in QAD, and its new name
 * must reach its staging row ({@code stale_rows}, {@code records_lost}).
 */
final class PoisonedRecords {
  /** Over the 255 characters of {@code qad_dimension.code}. */
  static final int CODE_CHARS = 300;

  private final Map<String, Object> kafkaAdmin;
  private final SandboxLandscape sandbox;
  private final List<Poisoned> sent = new CopyOnWriteArrayList<>();

  /** {@code kafkaAdmin}: the stack's super-user client settings (the broker enforces ACLs). */
  PoisonedRecords(Map<String, Object> kafkaAdmin, SandboxLandscape sandbox) {
    this.kafkaAdmin = kafkaAdmin;
    this.sandbox = sandbox;
  }

  /** One poisoned record per tenant, then a change behind it; returns the records sent. */
  int send(Collection<String> tenants) throws Exception {
    Map<String, Object> config = new HashMap<>(kafkaAdmin);
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    // Rides through a broker restart instead of failing the fault.
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 120_000);
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
    int n = 0;
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
      for (String tenant : tenants) {
        QadTenant qad = sandbox.qad().tenant(tenant);
        QadRow neighbour =
            qad.table(QadEntity.COST_CENTER).all().stream()
                .min(Comparator.comparing(QadRow::key))
                .orElseThrow(() -> new IllegalStateException(tenant + " has no cost center"));
        String code = String.valueOf(neighbour.get("cc_ctr"));
        String sourceId = "chaos-poisoned-" + tenant + "-" + sent.size();
        EventEnvelope poison =
            EventEnvelope.create(
                tenant,
                EntityType.COST_CENTER,
                SourceSystem.QAD,
                sourceId,
                "chaos-" + Instant.now().toEpochMilli(),
                Instant.now(),
                payload());
        producer
            .send(
                new ProducerRecord<>(
                    Topics.QAD_DIMENSION_CHANGED,
                    EventKey.of(tenant, EntityType.COST_CENTER, code),
                    EnvelopeCodec.write(poison)))
            .get();
        sent.add(new Poisoned(tenant, EntityType.COST_CENTER.wireName(), sourceId));
        qad.change(
            QadEntity.COST_CENTER,
            neighbour.key(),
            Map.of("cc_desc", "behind a poisoned record " + sourceId));
        n++;
      }
    }
    return n;
  }

  /** Every poisoned record sent so far. */
  List<Poisoned> sent() {
    return List.copyOf(sent);
  }

  private static ObjectNode payload() {
    ObjectNode p = JsonNodeFactory.instance.objectNode();
    p.put("cc_ctr", "P".repeat(CODE_CHARS));
    p.put("cc_desc", "poisoned by the chaos run");
    p.put("cc_active", true);
    return p;
  }
}

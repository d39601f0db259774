package io.mlconnector.stack.chaos;

import io.mlconnector.common.event.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A dead-letter topic that refuses every record for a while (its {@code max.message.bytes} set to
 * 1, so each publish fails with "record too large"), and unreadable records arriving meanwhile: the
 * consumer must hold the partition at such a record until the dead-letter topic takes it, and lose
 * nothing behind it.
 */
final class DlqOutage {
  /** Bytes no consumer can read as an event. */
  static final byte[] UNREADABLE = "chaos: not an event".getBytes(StandardCharsets.UTF_8);

  private static final String LIMIT = "max.message.bytes";

  private final Map<String, Object> kafkaAdmin;

  /** {@code kafkaAdmin}: the stack's super-user client settings (the broker enforces ACLs). */
  DlqOutage(Map<String, Object> kafkaAdmin) {
    this.kafkaAdmin = kafkaAdmin;
  }

  void breakTopic() throws ExecutionException, InterruptedException {
    alter(new AlterConfigOp(new ConfigEntry(LIMIT, "1"), AlterConfigOp.OpType.SET));
  }

  /** Back to the broker's default; harmless when not broken. */
  void heal() throws ExecutionException, InterruptedException {
    alter(new AlterConfigOp(new ConfigEntry(LIMIT, ""), AlterConfigOp.OpType.DELETE));
  }

  /** One unreadable record per tenant on {@code topic}, keyed like the tenant's own records. */
  void sendUnreadable(String topic, Collection<String> tenants)
      throws ExecutionException, InterruptedException {
    Map<String, Object> config = new HashMap<>(kafkaAdmin);
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
      for (String tenant : tenants) {
        producer.send(new ProducerRecord<>(topic, tenant + "|chaos-unreadable", UNREADABLE)).get();
      }
    }
  }

  private void alter(AlterConfigOp op) throws ExecutionException, InterruptedException {
    Map<String, Object> config = new HashMap<>(kafkaAdmin);
    config.put(
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) Duration.ofSeconds(30).toMillis());
    try (Admin admin = Admin.create(config)) {
      ConfigResource dlq = new ConfigResource(ConfigResource.Type.TOPIC, Topics.DLQ);
      admin.incrementalAlterConfigs(Map.of(dlq, List.of(op))).all().get();
    }
  }
}

package io.mlconnector.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.common.event.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The local broker is a closed command bus: no record without a login, and each service's principal
 * produces and consumes only its own topics and groups. Judged by what the topics hold (read back
 * by the super user), not by the client's view.
 */
class KafkaAclsTest {
  // A broker of its own: the probes below put records on every topic of the fleet, which would
  // reach the consumers of other modules' tests sharing `./mlc test`'s broker.
  private static LocalStack own;
  private static StackEndpoints STACK;
  private static TopicProbe ADMIN;

  @BeforeAll
  static void ownBroker(@TempDir Path dir) throws Exception {
    own = new LocalStack(dir, (StackEndpoints) null);
    STACK = own.start();
    ADMIN = new TopicProbe(STACK);
  }

  @AfterAll
  static void stopBroker() throws Exception {
    if (own != null) {
      own.close();
    }
  }

  @Test
  void aProducerWithoutCredentialsIsRefusedAndWritesNothing() throws Exception {
    String key = "forged|" + UUID.randomUUID();
    Map<String, Object> anonymous = Map.of("bootstrap.servers", STACK.kafkaBootstrap());

    // The SASL listener drops a client that does not log in: it never gets the topic's metadata.
    assertThatThrownBy(() -> send(anonymous, Topics.SN_UPSERT, key))
        .hasCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
    Map<String, Object> wrongPassword = new HashMap<>(login("mapper-service"));
    wrongPassword.putAll(
        KafkaLogins.generate().clientSettings("mapper-service")); // another run's password
    assertThatThrownBy(() -> send(wrongPassword, Topics.SN_UPSERT, key))
        .hasCauseInstanceOf(SaslAuthenticationException.class);

    assertThat(keysOn(Topics.SN_UPSERT, key)).doesNotContain(key);
  }

  @Test
  void onlyTheMapperAndTheConsolesReplayMayWriteTheCommandTopics() throws Exception {
    for (String principal : List.of("qad-poller", "servicenow-poller", "writer-service")) {
      for (String command : List.of(Topics.SN_UPSERT, Topics.QAD_INVOICE_POST)) {
        String key = "forged|" + principal + "|" + UUID.randomUUID();
        assertThatThrownBy(() -> send(login(principal), command, key))
            .as("%s writing %s", principal, command)
            .hasCauseInstanceOf(TopicAuthorizationException.class);
      }
    }
    String key = "mapped|" + UUID.randomUUID();
    send(login("mapper-service"), Topics.SN_UPSERT, key);
    assertThat(keysOn(Topics.SN_UPSERT, key)).contains(key);
  }

  static Stream<KafkaAcls> services() {
    return KafkaAcls.SERVICES.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("services")
  void eachServiceProducesOnlyToItsOwnTopics(KafkaAcls service) throws Exception {
    for (String topic : Topics.ALL) {
      String key = service.principal() + "|" + UUID.randomUUID();
      if (service.writes().contains(topic)) {
        send(login(service.principal()), topic, key);
        assertThat(keysOn(topic, key)).as("%s on %s", key, topic).contains(key);
      } else {
        assertThatThrownBy(() -> send(login(service.principal()), topic, key))
            .as("%s writing %s", service.principal(), topic)
            .hasCauseInstanceOf(TopicAuthorizationException.class);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("services")
  void eachServiceConsumesOnlyItsOwnTopicsInItsOwnGroups(KafkaAcls service) throws Exception {
    TopicProbe own = new TopicProbe(login(service.principal()));
    for (String topic : Topics.ALL) {
      String key = "for-" + service.principal() + "|" + UUID.randomUUID();
      ADMIN.send(topic, key, new byte[] {1});
      if (!service.reads().contains(topic)) {
        assertThatThrownBy(() -> refusedRead(service, own, topic))
            .as("%s reading %s", service.principal(), topic)
            .isInstanceOf(TopicAuthorizationException.class);
      } else if (service.groupPrefix() != null) {
        List<ConsumerRecord<String, byte[]>> read =
            own.readUntil(
                topic,
                service.groupPrefix() + "-acl-test-" + UUID.randomUUID(),
                seen -> seen.stream().anyMatch(r -> key.equals(r.key())),
                Duration.ofSeconds(30));
        assertThat(read).extracting(ConsumerRecord::key).contains(key);
        assertThatThrownBy(
                () ->
                    own.readUntil(
                        topic, "someone-elses-group", seen -> false, Duration.ofSeconds(5)))
            .isInstanceOf(GroupAuthorizationException.class);
      } else {
        assertThat(readAssigned(login(service.principal()), topic, key)).contains(key);
      }
    }
  }

  @Test
  void theTableGrantsEveryTopicToSomeoneAndSourceTopicsOnlyToTheirPollerAndTheConsole() {
    assertThat(KafkaAcls.SERVICES)
        .extracting(KafkaAcls::principal)
        .containsExactlyInAnyOrder(
            "qad-poller", "servicenow-poller", "mapper-service", "writer-service", "console");
    assertThat(writersOf(Topics.QAD_PO_CHANGED)).containsExactlyInAnyOrder("qad-poller", "console");
    assertThat(writersOf(Topics.SN_INVOICE_CHANGED))
        .containsExactlyInAnyOrder("servicenow-poller", "console");
    assertThat(writersOf(Topics.QAD_INVOICE_POST))
        .containsExactlyInAnyOrder("mapper-service", "console");
  }

  private static Set<String> writersOf(String topic) {
    return Set.copyOf(
        KafkaAcls.SERVICES.stream()
            .filter(a -> a.writes().contains(topic))
            .map(KafkaAcls::principal)
            .toList());
  }

  private static Map<String, Object> login(String principal) {
    Map<String, Object> settings = new HashMap<>(STACK.kafkaLogins().clientSettings(principal));
    settings.put("bootstrap.servers", STACK.kafkaBootstrap());
    return settings;
  }

  private static void send(Map<String, Object> login, String topic, String key) throws Exception {
    Map<String, Object> config = new HashMap<>(login);
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5_000);
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 4_000);
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
      producer
          .send(new ProducerRecord<>(topic, key, "x".getBytes(StandardCharsets.UTF_8)))
          .get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e;
    } catch (org.apache.kafka.common.KafkaException e) {
      throw new ExecutionException(e);
    }
  }

  /** Reads as the service would: in a group of its own, or without a group when it has none. */
  private static void refusedRead(KafkaAcls service, TopicProbe own, String topic) {
    if (service.groupPrefix() == null) {
      readAssigned(login(service.principal()), topic, "never");
    } else {
      own.readUntil(topic, service.groupPrefix() + "-x", seen -> false, Duration.ofSeconds(5));
    }
  }

  /** Keys on the topic (read by the super user) once {@code key} is there or 10 s passed. */
  private static List<String> keysOn(String topic, String key) {
    return ADMIN
        .readUntil(
            topic, seen -> seen.stream().anyMatch(r -> key.equals(r.key())), Duration.ofSeconds(10))
        .stream()
        .map(ConsumerRecord::key)
        .toList();
  }

  /** Reads a topic without a consumer group, as the console reads mlc.parked. */
  private static List<String> readAssigned(Map<String, Object> login, String topic, String key) {
    Map<String, Object> config = new HashMap<>(login);
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    config.put(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      List<String> keys = new java.util.ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (!keys.contains(key) && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> keys.add(r.key()));
      }
      return keys;
    }
  }
}

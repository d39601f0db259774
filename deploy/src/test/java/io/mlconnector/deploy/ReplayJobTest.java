package io.mlconnector.deploy;

import static io.mlconnector.deploy.HelmChart.FULLNAME;
import static io.mlconnector.deploy.Manifests.container;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.stack.KafkaLogins;
import io.mlconnector.stack.SharedStack;
import io.mlconnector.stack.StackEndpoints;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The replay Job's script, as rendered, run with /bin/sh against the local stack's real broker;
 * {@code kafka-consumer-groups.sh} is a shim running the Kafka tool's main class. A replay only
 * ever moves a group back: a partition still before the time keeps its offset.
 */
class ReplayJobTest {
  private static final String GROUP = "mlc-writer-receipts";

  /** No test here commits for it: on a fresh broker, a group that does not exist. */
  private static final String UNUSED_GROUP = "mlc-writer-qad";

  private static final String RENDERED_TOPIC = "qad.po.changed";
  private static final int BEFORE = 5;
  private static final int AFTER = 5;
  private static final DateTimeFormatter DATETIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSX").withZone(ZoneOffset.UTC);

  @TempDir Path work;

  private final StackEndpoints stack = SharedStack.endpoints();
  private final String topic = "replay.probe-" + UUID.randomUUID();
  private final Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);

  @Test
  void aReplayToADatetimeGoesBackButNeverForward() throws Exception {
    try (Admin admin = Admin.create(stack.kafkaAdminSettings())) {
      String output = runJobOnAGroupPartlyPastTheTime(admin, false);

      assertThat(committed(admin))
          .as("job output:%n%s", output)
          .containsEntry(0, (long) BEFORE)
          .containsEntry(1, 2L)
          .containsEntry(2, (long) BEFORE);
      assertThat(output)
          .contains(topic + " partition 0: " + BEFORE + " (back from " + (BEFORE + 3))
          .contains(topic + " partition 1: 2 (kept: the group is not past")
          .contains(topic + " partition 2: " + BEFORE + " (no committed offset");
    }
  }

  @Test
  void aDryRunPrintsThePlanAndMovesNothing() throws Exception {
    try (Admin admin = Admin.create(stack.kafkaAdminSettings())) {
      String output = runJobOnAGroupPartlyPastTheTime(admin, true);

      assertThat(committed(admin))
          .as("job output:%n%s", output)
          .containsExactlyInAnyOrderEntriesOf(Map.of(0, (long) BEFORE + 3, 1, 2L));
      assertThat(output)
          .contains(topic + " partition 0: " + BEFORE + " (back from " + (BEFORE + 3))
          .contains(topic + " partition 1: 2 (kept")
          .contains("dry run: no offset moved");
    }
  }

  @Test
  void aGroupThatNeverCommittedIsNotWaitedForAndStartsAtTheTime() throws Exception {
    try (Admin admin = Admin.create(stack.kafkaAdminSettings())) {
      givenRecordsBeforeAndAfterTheTime(admin);

      String output = runJob(UNUSED_GROUP, false);

      assertThat(committed(admin, UNUSED_GROUP))
          .as("job output:%n%s", output)
          .containsExactlyInAnyOrderEntriesOf(
              Map.of(0, (long) BEFORE, 1, (long) BEFORE, 2, (long) BEFORE));
      assertThat(output)
          .contains(topic + " partition 0: " + BEFORE + " (no committed offset")
          .doesNotContain("waiting for group");
    }
  }

  /**
   * Runs the Job on {@link #GROUP} where partition 0 handled records after the time, partition 1 is
   * held before it (a failing record) and partition 2 has no committed offset; returns its output.
   */
  private String runJobOnAGroupPartlyPastTheTime(Admin admin, boolean dryRun) throws Exception {
    givenRecordsBeforeAndAfterTheTime(admin);
    commit(admin, Map.of(0, BEFORE + 3, 1, 2));
    return runJob(dryRun);
  }

  /** Offsets 0..BEFORE-1 an hour before the time, BEFORE.. a minute after, on each partition. */
  private void givenRecordsBeforeAndAfterTheTime(Admin admin) throws Exception {
    admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
    Map<String, Object> settings = new HashMap<>(stack.kafkaAdminSettings());
    settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(settings)) {
      for (int partition = 0; partition < 3; partition++) {
        for (int i = 0; i < BEFORE + AFTER; i++) {
          Instant time = i < BEFORE ? at.minus(Duration.ofHours(1)) : at.plusSeconds(60);
          producer
              .send(new ProducerRecord<>(topic, partition, time.toEpochMilli(), "k", "v" + i))
              .get();
        }
      }
    }
  }

  private void commit(Admin admin, Map<Integer, Integer> offsets) throws Exception {
    admin
        .alterConsumerGroupOffsets(
            GROUP,
            offsets.entrySet().stream()
                .collect(
                    Collectors.toMap(
                        e -> new TopicPartition(topic, e.getKey()),
                        e -> new OffsetAndMetadata(e.getValue()))))
        .all()
        .get();
  }

  private Map<Integer, Long> committed(Admin admin) throws Exception {
    return committed(admin, GROUP);
  }

  private Map<Integer, Long> committed(Admin admin, String group) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> all =
        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
    return all.entrySet().stream()
        .filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
        .collect(Collectors.toMap(e -> e.getKey().partition(), e -> e.getValue().offset()));
  }

  /** Renders the Job for the probe topic and runs its script; returns what it printed. */
  private String runJob(boolean dryRun) throws Exception {
    return runJob(GROUP, dryRun);
  }

  private String runJob(String group, boolean dryRun) throws Exception {
    Path bin = shims();
    Map<String, Object> job =
        HelmChart.template()
            .set("replay.enabled", true)
            .set("replay.group", group)
            .set("replay.topics[0]", RENDERED_TOPIC)
            .set("replay.toDatetime", DATETIME.format(at))
            .set("replay.dryRun", dryRun)
            .set("replay.waitForEmptyGroupSeconds", 30)
            .set("kafkaCli.binDir", bin.toString())
            .render()
            .ofKind("Job")
            .stream()
            .filter(j -> Yamls.string(j, "metadata", "name").startsWith(FULLNAME + "-replay-"))
            .findFirst()
            .orElseThrow();
    Map<String, Object> container = container(job);
    List<?> command = (List<?>) container.get("command");
    // The chart knows only the fleet's topics: the script runs on a fresh topic of its own, so
    // runs never share records or offsets.
    String script =
        ((List<?>) container.get("args"))
            .get(0)
            .toString()
            .replace("'" + RENDERED_TOPIC + "'", "'" + topic + "'");
    assertThat(script).contains(topic);
    Path log = work.resolve("job.log");
    ProcessBuilder builder =
        new ProcessBuilder(command.get(0).toString(), command.get(1).toString(), script)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.put("KAFKA_BOOTSTRAP_SERVERS", stack.kafkaBootstrap());
    env.put("GROUP", group);
    env.put("WAIT_SECONDS", "30");
    env.put("TMPDIR", Files.createDirectories(work.resolve("tmp")).toString());
    env.putAll(kafkaLogin());
    Process process = builder.start();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
    }
    String output = Files.readString(log);
    assertThat(process.exitValue()).as("job output:%n%s", output).isZero();
    return output;
  }

  /** The Job's MLC_KAFKA_* login (admin), from the local stack or the given environment. */
  private Map<String, String> kafkaLogin() {
    KafkaLogins logins = stack.kafkaLogins();
    if (logins != null) {
      return logins.serviceEnv(KafkaLogins.ADMIN);
    }
    Map<String, String> env = new HashMap<>();
    System.getenv().entrySet().stream()
        .filter(e -> e.getKey().startsWith("MLC_KAFKA_"))
        .forEach(e -> env.put(e.getKey(), e.getValue()));
    env.putIfAbsent("MLC_KAFKA_SECURITY_PROTOCOL", "PLAINTEXT");
    return env;
  }

  /** kafka-consumer-groups.sh: the tool's main class on this test's classpath. */
  private Path shims() throws IOException {
    Path bin = Files.createDirectories(work.resolve("bin"));
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path shim = bin.resolve("kafka-consumer-groups.sh");
    Files.writeString(
        shim,
        "#!/bin/sh\nexec '"
            + java
            + "' -Xmx256m -cp '"
            + classpath
            + "' org.apache.kafka.tools.consumer.group.ConsumerGroupCommand \"$@\"\n",
        StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(shim, PosixFilePermissions.fromString("rwxr-xr-x"));
    return bin;
  }
}

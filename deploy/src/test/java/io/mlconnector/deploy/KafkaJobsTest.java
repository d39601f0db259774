package io.mlconnector.deploy;

import static io.mlconnector.deploy.HelmChart.FULLNAME;
import static io.mlconnector.deploy.Manifests.container;
import static io.mlconnector.deploy.Manifests.envVar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The topic-provisioning hook Job and the consumer-group replay Job. */
class KafkaJobsTest {

  private static final List<String> TOPICS =
      List.of(
          "qad.supplier.changed",
          "qad.po.changed",
          "qad.dimension.changed",
          "sn.invoice.changed",
          "sn.dimension.changed",
          "sn.upsert",
          "qad.invoice.post",
          "mlc.parked",
          "mlc.dlq");

  private static final Pattern ENSURE_TOPIC =
      Pattern.compile("^\\s*ensure_topic (\\S+) (\\d+) (\\d+)(.*)$", Pattern.MULTILINE);

  @Test
  void topicJobCreatesEveryTopicWithTheDefaultPartitionsAndReplication() {
    Map<String, String> topics = ensuredTopics(HelmChart.template().render());

    assertThat(topics.keySet()).containsExactlyInAnyOrderElementsOf(TOPICS);
    assertThat(topics.values()).containsOnly("12 3");
  }

  @Test
  void topicJobUsesValuesPartitionsReplicationAndPerTopicOverrides() {
    Manifests manifests =
        HelmChart.template()
            .values(HelmChart.examples("three-tenants.yaml"))
            .set("kafka.topics.partitions", 24)
            .set("kafka.topics.replicationFactor", 2)
            .set("kafka.topics.overrides.sn\\.upsert.replicationFactor", 3)
            .render();
    Map<String, String> topics = ensuredTopics(manifests);

    assertThat(topics.keySet()).containsExactlyInAnyOrderElementsOf(TOPICS);
    assertThat(topics).containsEntry("qad.po.changed", "24 2");
    assertThat(topics).containsEntry("sn.upsert", "24 3");
    assertThat(topics).containsEntry("mlc.dlq", "3 2 --config 'retention.ms=2592000000'");
  }

  @Test
  void topicJobIsAnIdempotentPreInstallAndPreUpgradeHook() {
    Map<String, Object> job = HelmChart.template().render().named("Job", FULLNAME + "-topics");

    assertThat(Yamls.map(job, "metadata", "annotations"))
        .containsEntry("helm.sh/hook", "pre-install,pre-upgrade");
    assertThat(script(job))
        .contains("--create --if-not-exists --topic \"$topic\"")
        .contains("--bootstrap-server \"$KAFKA_BOOTSTRAP_SERVERS\"");
    assertThat(Yamls.string(envVar(container(job), "KAFKA_BOOTSTRAP_SERVERS"), "value"))
        .isEqualTo("kafka:9092");
  }

  @Test
  void anUnknownTopicOverrideFailsTheRender() {
    assertThatThrownBy(
            () ->
                HelmChart.template()
                    .set("kafka.topics.overrides.qad\\.po\\.chnged.partitions", 3)
                    .render())
        .hasMessageContaining("kafka.topics.overrides: unknown topic \"qad.po.chnged\"");
  }

  @Test
  void inlineSaslCredentialsReachTheHookJobThroughAHookScopedSecret() {
    Manifests manifests = HelmChart.template().render();

    Map<String, Object> hookSecret = manifests.named("Secret", FULLNAME + "-kafka-topics");
    assertThat(Yamls.string(hookSecret, "metadata", "annotations", "helm.sh/hook"))
        .isEqualTo("pre-install,pre-upgrade");
    Map<String, Object> job = container(manifests.named("Job", FULLNAME + "-topics"));
    assertThat(Yamls.map(envVar(job, "MLC_KAFKA_SASL_PASSWORD"), "valueFrom", "secretKeyRef"))
        .containsEntry("name", FULLNAME + "-kafka-topics")
        .containsEntry("key", "admin-password");
    assertThat(Yamls.string(envVar(job, "MLC_KAFKA_SASL_USERNAME"), "value"))
        .isEqualTo("mlc-admin");
    assertThat(Yamls.string(envVar(job, "MLC_KAFKA_SECURITY_PROTOCOL"), "value"))
        .isEqualTo("SASL_SSL");
  }

  @Test
  void theTopicJobGrantsEachServiceOnlyItsOwnTopicsAndGroups() {
    String script = jobScript(HelmChart.template().render());

    assertThat(script)
        .contains(
            "kafka kafka-acls.sh --add --allow-principal 'User:mapper-service' --operation Write"
                + " --operation Describe --topic sn.upsert")
        .contains(
            "kafka kafka-acls.sh --add --allow-principal 'User:writer-service' --operation Read"
                + " --operation Describe --topic sn.upsert")
        .contains(
            "kafka kafka-acls.sh --add --allow-principal 'User:writer-service' --operation Read"
                + " --group mlc-writer --resource-pattern-type prefixed")
        .contains(
            "kafka kafka-acls.sh --add --allow-principal 'User:qad-poller' --operation Write"
                + " --operation Describe --topic qad.po.changed");
    // A poller can never forge a command: no grant of a command topic to either poller.
    for (String poller : List.of("qad-poller", "servicenow-poller")) {
      for (String command : List.of("sn.upsert", "qad.invoice.post")) {
        assertThat(script)
            .doesNotContain(
                "'User:"
                    + poller
                    + "' --operation Write --operation Describe --topic "
                    + command
                    + "\n");
      }
    }
    assertThat(script).doesNotContain("--topic '*'").doesNotContain("--topic *");
    assertThat(jobScript(HelmChart.template().set("kafka.sasl.acls.create", false).render()))
        .doesNotContain("kafka-acls.sh");
  }

  private static String jobScript(Manifests manifests) {
    return script(manifests.named("Job", FULLNAME + "-topics"));
  }

  @Test
  void replayJobIsRenderedOnlyWhenEnabled() {
    assertThat(HelmChart.template().render().ofKind("Job"))
        .extracting(j -> Yamls.string(j, "metadata", "name"))
        .containsExactly(FULLNAME + "-topics");
  }

  @Test
  void replayResetsTheGroupToADatetimeOnTheGivenTopics() {
    String script =
        replayScript(
            HelmChart.template()
                .set("replay.enabled", true)
                .set("replay.group", "mlc-writer-servicenow")
                .set("replay.topics[0]", "sn.upsert")
                .set("replay.toDatetime", "2025-01-31T06:00:00.000Z"));

    assertThat(script)
        .contains("kafka-consumer-groups.sh --reset-offsets --group \"$GROUP\"")
        .contains("--topic 'sn.upsert'")
        .contains("--to-datetime '2025-01-31T06:00:00.000Z' --dry-run")
        .contains("--describe --group \"$GROUP\" --state")
        .contains("--describe --group \"$GROUP\" > ")
        .contains("--from-file \"$PLAN/plan.csv\" --execute");
  }

  @Test
  void replayDefaultsToEveryTopicOfTheGroupAndSupportsOffsetsAndDryRun() {
    String script =
        replayScript(
            HelmChart.template()
                .set("replay.enabled", true)
                .set("replay.group", "mlc-mapper")
                .set("replay.toOffset", 0)
                .set("replay.dryRun", true));

    for (String topic : TOPICS.subList(0, 5)) {
      assertThat(script).contains("--topic '" + topic + "'");
    }
    assertThat(script).doesNotContain("--topic 'sn.upsert'");
    assertThat(script)
        .contains("--to-offset 0")
        .contains("--dry-run")
        .doesNotContain("--execute")
        .doesNotContain("--to-datetime")
        .doesNotContain("--from-file");
  }

  @Test
  void replayNeedsAKnownGroupAndExactlyOneTarget() {
    assertThatThrownBy(
            () ->
                HelmChart.template()
                    .set("replay.enabled", true)
                    .set("replay.group", "mlc-mapper")
                    .set("replay.toOffset", 5)
                    .set("replay.toDatetime", "2025-01-31T06:00:00.000Z")
                    .render())
        .hasMessageContaining("set exactly one of replay.toDatetime and replay.toOffset");
    assertThatThrownBy(
            () ->
                HelmChart.template()
                    .set("replay.enabled", true)
                    .set("replay.group", "mlc-mapperr")
                    .set("replay.toOffset", 5)
                    .render())
        .hasMessageContaining("replay.group \"mlc-mapperr\" must be one of");
    assertThatThrownBy(
            () ->
                HelmChart.template()
                    .set("replay.enabled", true)
                    .set("replay.group", "mlc-mapper")
                    .set("replay.toDatetime", "yesterday")
                    .render())
        .hasMessageContaining("replay.toDatetime \"yesterday\" must look like");
  }

  private static Map<String, String> ensuredTopics(Manifests manifests) {
    Matcher matcher = ENSURE_TOPIC.matcher(script(manifests.named("Job", FULLNAME + "-topics")));
    return matcher
        .results()
        .collect(
            Collectors.toMap(r -> r.group(1), r -> (r.group(2) + " " + r.group(3) + r.group(4))));
  }

  private static String replayScript(HelmChart.Render render) {
    Map<String, Object> job =
        render.render().ofKind("Job").stream()
            .filter(j -> Yamls.string(j, "metadata", "name").startsWith(FULLNAME + "-replay-"))
            .findFirst()
            .orElseThrow();
    return script(job);
  }

  private static String script(Map<String, Object> job) {
    Map<String, Object> container = container(job);
    assertThat(container.get("command")).isEqualTo(List.of("/bin/sh", "-c"));
    assertThat((List<?>) container.get("args")).hasSize(1);
    return ((List<?>) container.get("args")).get(0).toString().replace("\\\n", " ");
  }
}

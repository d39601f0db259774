package io.mlconnector.deploy;

import static io.mlconnector.deploy.HelmChart.FULLNAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** mapper-service and writer-service scale by partitions; disruptions stay bounded. */
class AutoscalingTest {

  @Test
  void mapperAndWriterHaveHorizontalPodAutoscalersFromValues() {
    Manifests manifests =
        HelmChart.template()
            .set("mapperService.autoscaling.minReplicas", 3)
            .set("mapperService.autoscaling.maxReplicas", 9)
            .render();

    Map<String, Object> mapper =
        manifests.named("HorizontalPodAutoscaler", FULLNAME + "-mapper-service");
    assertThat(Yamls.at(mapper, "spec", "minReplicas")).isEqualTo(3);
    assertThat(Yamls.at(mapper, "spec", "maxReplicas")).isEqualTo(9);
    assertThat(Yamls.string(mapper, "spec", "scaleTargetRef", "name"))
        .isEqualTo(FULLNAME + "-mapper-service");
    assertThat(manifests.named("HorizontalPodAutoscaler", FULLNAME + "-writer-service"))
        .isNotNull();
    assertThat(manifests.ofKind("HorizontalPodAutoscaler")).hasSize(2);
  }

  @Test
  void maxReplicasNeverExceedThePartitionsOfTheConsumedTopics() {
    Manifests manifests =
        HelmChart.template()
            .set("kafka.topics.partitions", 6)
            .set("kafka.topics.overrides.qad\\.po\\.changed.partitions", 8)
            .set("mapperService.autoscaling.maxReplicas", 20)
            .set("writerService.autoscaling.maxReplicas", 20)
            .render();

    assertThat(maxReplicas(manifests, "mapper-service")).isEqualTo(8);
    assertThat(maxReplicas(manifests, "writer-service")).isEqualTo(6);
  }

  @Test
  void theHpaOwnsTheReplicaCountWhenEnabled() {
    Manifests scaled = HelmChart.template().render();
    assertThat(Yamls.at(deployment(scaled, "mapper-service"), "spec", "replicas")).isNull();

    Manifests fixed =
        HelmChart.template()
            .set("mapperService.autoscaling.enabled", false)
            .set("mapperService.replicas", 4)
            .render();
    assertThat(Yamls.at(deployment(fixed, "mapper-service"), "spec", "replicas")).isEqualTo(4);
    assertThat(fixed.ofKind("HorizontalPodAutoscaler")).hasSize(1);
  }

  @Test
  void minReplicasAboveMaxReplicasFailsTheRender() {
    assertThatThrownBy(
            () ->
                HelmChart.template()
                    .set("writerService.autoscaling.minReplicas", 5)
                    .set("writerService.autoscaling.maxReplicas", 2)
                    .render())
        .hasMessageContaining(
            "writerService.autoscaling: minReplicas must be between 1 and maxReplicas");
  }

  @Test
  void podDisruptionBudgetsSelectTheirService() {
    Map<String, Object> pdb =
        HelmChart.template().render().named("PodDisruptionBudget", FULLNAME + "-writer-service");

    assertThat(Yamls.at(pdb, "spec", "maxUnavailable")).isEqualTo(1);
    assertThat(Yamls.map(pdb, "spec", "selector", "matchLabels"))
        .containsEntry("app.kubernetes.io/component", "writer-service");
  }

  private static Object maxReplicas(Manifests manifests, String service) {
    return Yamls.at(
        manifests.named("HorizontalPodAutoscaler", FULLNAME + "-" + service),
        "spec",
        "maxReplicas");
  }

  private static Map<String, Object> deployment(Manifests manifests, String service) {
    return manifests.named("Deployment", FULLNAME + "-" + service);
  }
}

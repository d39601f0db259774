package io.mlconnector.deploy;

import static io.mlconnector.deploy.HelmChart.FULLNAME;
import static io.mlconnector.deploy.Manifests.container;
import static io.mlconnector.deploy.Manifests.containers;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Probes, metrics, resources and images of every workload the chart renders. */
class WorkloadSpecTest {

  private static final List<String> SERVICES =
      List.of("qad-poller", "servicenow-poller", "mapper-service", "writer-service", "console");

  /** Three tenants plus a replay, so that every kind of workload (both Jobs too) is present. */
  private static Manifests everything() {
    return HelmChart.template()
        .values(HelmChart.examples("three-tenants.yaml"))
        .set("replay.enabled", true)
        .set("replay.group", "mlc-mapper")
        .set("replay.toOffset", 0)
        .render();
  }

  @Test
  void everyServiceIsRendered() {
    Manifests manifests = everything();
    for (String service : SERVICES) {
      assertThat(manifests.deploymentsOf(service)).as(service).isNotEmpty();
    }
    assertThat(manifests.ofKind("Job")).hasSize(2);
  }

  @Test
  void probesPointAtTheQuarkusHealthEndpoints() {
    for (Map<String, Object> deployment : everything().ofKind("Deployment")) {
      Map<String, Object> container = container(deployment);
      String name = Yamls.string(deployment, "metadata", "name");
      assertThat(probe(container, "livenessProbe")).as(name).isEqualTo("/q/health/live@http");
      assertThat(probe(container, "readinessProbe")).as(name).isEqualTo("/q/health/ready@http");
      assertThat(probe(container, "startupProbe")).as(name).isEqualTo("/q/health/started@http");
      assertThat(Yamls.at(container, "ports")).as(name).isEqualTo(List.of(httpPort()));
    }
  }

  @Test
  void everyPodIsScrapedByPrometheusOnQMetrics() {
    for (Map<String, Object> deployment : everything().ofKind("Deployment")) {
      assertThat(Yamls.map(deployment, "spec", "template", "metadata", "annotations"))
          .containsEntry("prometheus.io/scrape", "true")
          .containsEntry("prometheus.io/path", "/q/metrics")
          .containsEntry("prometheus.io/port", "8080");
    }
  }

  @Test
  void everyContainerIncludingJobsHasRequestsAndLimits() {
    for (Map<String, Object> workload : everything().workloads()) {
      for (Map<String, Object> container : containers(workload)) {
        String name = Yamls.string(workload, "metadata", "name") + "/" + container.get("name");
        for (String bound : List.of("requests", "limits")) {
          assertThat(Yamls.map(container, "resources", bound))
              .as(name + " " + bound)
              .containsKeys("cpu", "memory");
        }
      }
    }
  }

  @Test
  void imagesDefaultToTheRegistryPrefixAndAppVersion() {
    Manifests manifests = HelmChart.template().render();

    assertThat(image(manifests, "mapper-service"))
        .isEqualTo("ghcr.io/ml-connector/mapper-service:0.1.0-SNAPSHOT");
    assertThat(Yamls.string(container(onlyDeployment(manifests, "console")), "imagePullPolicy"))
        .isEqualTo("IfNotPresent");
    assertThat(Yamls.string(container(manifests.named("Job", FULLNAME + "-topics")), "image"))
        .isEqualTo("apache/kafka:4.1.2");
  }

  @Test
  void imagesAndTagsComeFromValuesWithPerServiceOverrides() {
    Manifests manifests =
        HelmChart.template()
            .values(HelmChart.examples("three-tenants.yaml"))
            .set("image.registry", "registry.example.test:5000")
            .set("image.repositoryPrefix", "team/mlc")
            .set("image.tag", "7.7.7")
            .set("image.pullPolicy", "Always")
            .set("writerService.image.tag", "7.7.8-hotfix")
            .set("console.image.repository", "ops/mlc-console")
            .set("qadPoller.image.registry", "mirror.example.test")
            .set("kafkaCli.image", "mirror.example.test/kafka:4.1.2")
            .render();

    assertThat(image(manifests, "mapper-service"))
        .isEqualTo("registry.example.test:5000/team/mlc/mapper-service:7.7.7");
    assertThat(image(manifests, "writer-service"))
        .isEqualTo("registry.example.test:5000/team/mlc/writer-service:7.7.8-hotfix");
    assertThat(image(manifests, "console"))
        .isEqualTo("registry.example.test:5000/ops/mlc-console:7.7.7");
    for (Map<String, Object> poller : manifests.deploymentsOf("qad-poller")) {
      assertThat(Yamls.string(container(poller), "image"))
          .isEqualTo("mirror.example.test/team/mlc/qad-poller:7.7.7");
    }
    for (Map<String, Object> poller : manifests.deploymentsOf("servicenow-poller")) {
      assertThat(Yamls.string(container(poller), "image"))
          .isEqualTo("registry.example.test:5000/team/mlc/servicenow-poller:7.7.7");
      assertThat(Yamls.string(container(poller), "imagePullPolicy")).isEqualTo("Always");
    }
    assertThat(Yamls.string(container(manifests.named("Job", FULLNAME + "-topics")), "image"))
        .isEqualTo("mirror.example.test/kafka:4.1.2");
  }

  @Test
  void servicesReadTheSharedConfigMapAndLogJsonByDefault() {
    Manifests manifests = HelmChart.template().set("kafka.bootstrapServers", "k1:9093").render();

    Map<String, Object> config = manifests.named("ConfigMap", FULLNAME + "-config");
    assertThat(Yamls.map(config, "data"))
        .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "k1:9093")
        .containsEntry(
            "QUARKUS_DATASOURCE_JDBC_URL",
            "jdbc:postgresql://postgresql:5432/mlconnector?sslmode=require")
        .containsEntry("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "true");
    for (Map<String, Object> deployment : manifests.ofKind("Deployment")) {
      assertThat(Yamls.string(container(deployment), "envFrom"))
          .contains("name=" + FULLNAME + "-config");
    }
  }

  private static String probe(Map<String, Object> container, String probe) {
    return Yamls.string(container, probe, "httpGet", "path")
        + "@"
        + Yamls.string(container, probe, "httpGet", "port");
  }

  private static Map<String, Object> httpPort() {
    return Map.of("name", "http", "containerPort", 8080, "protocol", "TCP");
  }

  private static Map<String, Object> onlyDeployment(Manifests manifests, String service) {
    List<Map<String, Object>> deployments = manifests.deploymentsOf(service);
    assertThat(deployments).hasSize(1);
    return deployments.get(0);
  }

  private static String image(Manifests manifests, String service) {
    return Yamls.string(container(onlyDeployment(manifests, service)), "image");
  }
}

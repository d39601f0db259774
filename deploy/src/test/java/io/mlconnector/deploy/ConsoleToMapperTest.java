package io.mlconnector.deploy;

import static io.mlconnector.deploy.HelmChart.FULLNAME;
import static io.mlconnector.deploy.Manifests.container;
import static io.mlconnector.deploy.Manifests.envVar;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.deploy.NetworkFlows.Flow;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The console's dimension screens relay to mapper-service's dimension API (console {@code
 * MLC_CONSOLE_MAPPER_URL}; without it every relayed call is a 503): inside the cluster that takes a
 * Service in front of the mapper pods, the URL of that Service in the console's env, and a
 * NetworkPolicy flow console → mapper-service on the HTTP port — and no flow wider than that.
 */
class ConsoleToMapperTest {
  private static final String MAPPER = FULLNAME + "-mapper-service";

  @Test
  void aClusterIpServiceSelectsTheMapperPodsOnTheirHttpPort() {
    Manifests manifests = HelmChart.template().render();

    Map<String, Object> service = manifests.named("Service", MAPPER);
    Map<String, Object> mapper = manifests.named("Deployment", MAPPER);
    assertThat(Yamls.string(service, "spec", "type")).isEqualTo("ClusterIP");
    Map<String, Object> selector = Yamls.map(service, "spec", "selector");
    assertThat(selector)
        .isEqualTo(Yamls.map(mapper, "spec", "selector", "matchLabels"))
        .containsEntry("app.kubernetes.io/component", "mapper-service");
    assertThat(Yamls.map(mapper, "spec", "template", "metadata", "labels"))
        .containsAllEntriesOf(selector);
    List<Map<String, Object>> ports = Yamls.maps(Yamls.at(service, "spec", "ports"));
    assertThat(ports)
        .singleElement()
        .satisfies(
            p ->
                assertThat(p)
                    .containsEntry("name", "http")
                    .containsEntry("port", 8080)
                    .containsEntry("targetPort", "http"));
    assertThat(Yamls.maps(container(mapper).get("ports")))
        .anySatisfy(
            p -> assertThat(p).containsEntry("name", "http").containsEntry("containerPort", 8080));
  }

  @Test
  void theConsoleCallsThatServiceOverTheInternalScheme() {
    assertThat(consoleMapperUrl(HelmChart.template().render()))
        .isEqualTo("http://" + MAPPER + ":8080");

    Manifests tls =
        HelmChart.template()
            .set("internalTls.enabled", true)
            .set("internalTls.secretName", "mlc-tls")
            .render();
    assertThat(consoleMapperUrl(tls)).isEqualTo("https://" + MAPPER + ":8080");
  }

  @Test
  void networkPoliciesLetOnlyTheConsoleReachTheMappersHttpPort() {
    Manifests manifests = HelmChart.template().render();
    assertThat(manifests.ofKind("NetworkPolicy"))
        .as("networkPolicy.enabled by default")
        .isNotEmpty();
    NetworkFlows flows = NetworkFlows.of(manifests);

    Flow relay = new Flow("console", "mapper-service", 8080);
    assertThat(flows.egress().stream().filter(f -> f.to().equals("mapper-service")))
        .containsExactly(relay);
    assertThat(flows.ingress().stream().filter(f -> f.to().equals("mapper-service")))
        .containsExactly(relay);
    // The console gets no other pod-to-pod flow; the services' port stays closed to everything the
    // policies do not name (pollers and writer reach no mapper, the mapper reaches no one).
    assertThat(flows.egress()).filteredOn(f -> f.from().equals("console")).containsExactly(relay);
    assertThat(flows.egress()).noneMatch(f -> f.from().equals("mapper-service"));
    assertThat(flows.egressPortsWithoutPodPeers()).doesNotContain(8080);
    assertThat(flows.ingressPortsWithoutPodPeers()).doesNotContain(8080);
  }

  private static String consoleMapperUrl(Manifests manifests) {
    Map<String, Object> console = manifests.named("Deployment", FULLNAME + "-console");
    return Yamls.string(envVar(container(console), "MLC_CONSOLE_MAPPER_URL"), "value");
  }
}

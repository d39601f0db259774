package io.mlconnector.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** The documents of one render, with the few queries the chart tests need. */
final class Manifests {

  static final String HOOK_CAPTURE_NAME = "zz-test-hook-capture";

  private final List<Map<String, Object>> documents;

  private Manifests(List<Map<String, Object>> documents) {
    this.documents = documents;
  }

  /** Parses a multi-document render; duplicate keys are an error, as for the API server. */
  @SuppressWarnings("unchecked")
  static Manifests parse(String rendered) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    Yaml yaml = new Yaml(options);
    List<Map<String, Object>> documents = new ArrayList<>();
    for (Object document : yaml.loadAll(rendered)) {
      if (document == null) {
        continue;
      }
      Map<String, Object> manifest = (Map<String, Object>) document;
      if (HOOK_CAPTURE_NAME.equals(Yamls.string(manifest, "metadata", "name"))) {
        String hooks = Yamls.string(manifest, "data", "hooks.yaml");
        documents.addAll(parse(hooks).documents);
      } else {
        documents.add(manifest);
      }
    }
    return new Manifests(documents);
  }

  List<Map<String, Object>> all() {
    return documents;
  }

  List<Map<String, Object>> ofKind(String kind) {
    return documents.stream().filter(d -> kind.equals(d.get("kind"))).toList();
  }

  Map<String, Object> named(String kind, String name) {
    return ofKind(kind).stream()
        .filter(d -> name.equals(Yamls.string(d, "metadata", "name")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " named " + name + " in " + names()));
  }

  List<String> names() {
    return documents.stream()
        .map(d -> d.get("kind") + "/" + Yamls.string(d, "metadata", "name"))
        .toList();
  }

  /** Deployments of one component (app.kubernetes.io/component), e.g. "qad-poller". */
  List<Map<String, Object>> deploymentsOf(String component) {
    return ofKind("Deployment").stream()
        .filter(
            d ->
                component.equals(
                    Yamls.string(d, "metadata", "labels", "app.kubernetes.io/component")))
        .toList();
  }

  /** Every Deployment and Job. */
  List<Map<String, Object>> workloads() {
    return Stream.concat(ofKind("Deployment").stream(), ofKind("Job").stream()).toList();
  }

  /** Containers and init containers of a Deployment or Job. */
  static List<Map<String, Object>> containers(Map<String, Object> workload) {
    Map<String, Object> pod = Yamls.map(workload, "spec", "template", "spec");
    return Stream.of("initContainers", "containers")
        .map(pod::get)
        .filter(Objects::nonNull)
        .flatMap(list -> Yamls.maps(list).stream())
        .toList();
  }

  /** The single container of a service Deployment. */
  static Map<String, Object> container(Map<String, Object> workload) {
    List<Map<String, Object>> containers = containers(workload);
    if (containers.size() != 1) {
      throw new AssertionError("expected one container, got " + containers.size());
    }
    return containers.get(0);
  }

  static List<Map<String, Object>> env(Map<String, Object> container) {
    return Yamls.maps(container.getOrDefault("env", List.of()));
  }

  static Map<String, Object> envVar(Map<String, Object> container, String name) {
    return env(container).stream()
        .filter(e -> name.equals(e.get("name")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no env " + name + " in " + env(container)));
  }

  static boolean hasEnv(Map<String, Object> container, String name) {
    return env(container).stream().anyMatch(e -> name.equals(e.get("name")));
  }
}

package io.mlconnector.deploy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a render's NetworkPolicies let the release's pods say to each other, read back from the
 * policies as the API server would: a policy's pods are its podSelector (component label, In
 * expression, or every component), a rule's peer podSelector the same. Peers outside the release
 * (namespaces, address blocks) and rules without peers are kept apart, by port, so a test can show
 * they do not open the services' own port to the release's pods.
 */
final class NetworkFlows {

  static final List<String> COMPONENTS =
      List.of("console", "mapper-service", "writer-service", "qad-poller", "servicenow-poller");

  /** One allowed connection between two components of the release. */
  record Flow(String from, String to, int port) {}

  private final Set<Flow> ingress = new LinkedHashSet<>();
  private final Set<Flow> egress = new LinkedHashSet<>();
  private final Set<Integer> egressPortsWithoutPodPeers = new LinkedHashSet<>();
  private final Set<Integer> ingressPortsWithoutPodPeers = new LinkedHashSet<>();

  private NetworkFlows() {}

  static NetworkFlows of(Manifests manifests) {
    NetworkFlows flows = new NetworkFlows();
    for (Map<String, Object> policy : manifests.ofKind("NetworkPolicy")) {
      List<String> selected = components(Yamls.map(policy, "spec", "podSelector"));
      flows.read(Yamls.at(policy, "spec", "ingress"), "from", selected, true);
      flows.read(Yamls.at(policy, "spec", "egress"), "to", selected, false);
    }
    return flows;
  }

  /** Flows the receiving pods' ingress policies let in. */
  Set<Flow> ingress() {
    return ingress;
  }

  /** Flows the calling pods' egress policies let out. */
  Set<Flow> egress() {
    return egress;
  }

  /** Ports egress rules open to other than named pods (any address, address blocks, namespaces). */
  Set<Integer> egressPortsWithoutPodPeers() {
    return egressPortsWithoutPodPeers;
  }

  /** Ports ingress rules open to other than named pods (anyone, address blocks, namespaces). */
  Set<Integer> ingressPortsWithoutPodPeers() {
    return ingressPortsWithoutPodPeers;
  }

  private void read(Object rules, String peersKey, List<String> selected, boolean isIngress) {
    if (rules == null) {
      return;
    }
    for (Map<String, Object> rule : Yamls.maps(rules)) {
      List<Integer> ports = ports(rule);
      Object peers = rule.get(peersKey);
      List<Map<String, Object>> podPeers =
          peers == null
              ? List.of()
              : Yamls.maps(peers).stream()
                  .filter(p -> p.containsKey("podSelector") && !p.containsKey("namespaceSelector"))
                  .toList();
      if (peers == null || podPeers.size() < Yamls.maps(peers).size()) {
        (isIngress ? ingressPortsWithoutPodPeers : egressPortsWithoutPodPeers).addAll(ports);
      }
      for (Map<String, Object> peer : podPeers) {
        for (String other : components(Yamls.map(peer, "podSelector"))) {
          for (String own : selected) {
            for (int port : ports) {
              if (isIngress) {
                ingress.add(new Flow(other, own, port));
              } else {
                egress.add(new Flow(own, other, port));
              }
            }
          }
        }
      }
    }
  }

  private static List<Integer> ports(Map<String, Object> rule) {
    Object ports = rule.get("ports");
    if (ports == null) {
      throw new AssertionError("a rule without ports opens every port: " + rule);
    }
    return Yamls.maps(ports).stream().map(p -> Integer.valueOf(p.get("port").toString())).toList();
  }

  private static List<String> components(Map<String, Object> selector) {
    String label = Yamls.string(selector, "matchLabels", "app.kubernetes.io/component");
    if (label != null) {
      return List.of(label);
    }
    Object expressions = selector.get("matchExpressions");
    if (expressions != null) {
      for (Map<String, Object> e : Yamls.maps(expressions)) {
        if ("app.kubernetes.io/component".equals(e.get("key")) && "In".equals(e.get("operator"))) {
          return strings(e.get("values"));
        }
      }
    }
    return COMPONENTS;
  }

  @SuppressWarnings("unchecked")
  private static List<String> strings(Object list) {
    return (List<String>) list;
  }
}

package io.mlconnector.stack.chaos;

import io.mlconnector.sandbox.SandboxLandscape;
import io.mlconnector.sandbox.SandboxTenant;
import io.mlconnector.sandbox.http.AmbiguousWrites;
import io.mlconnector.sandbox.http.LostAnswer;
import java.util.List;
import java.util.Map;

/**
 * The ambiguous-outcome switches of every tenant on both simulators, across the end of the fault
 * window: each stays armed until it has lost at least one answer, and its counts are the run's
 * figures for the {@code ambiguous_*} kinds.
 */
final class AmbiguousSwitches {
  private final SandboxLandscape sandbox;

  AmbiguousSwitches(SandboxLandscape sandbox) {
    this.sandbox = sandbox;
  }

  private List<AmbiguousWrites> all(SandboxTenant t) {
    return List.of(
        sandbox.qad().tenant(t.id()).faults().ambiguousWrites(),
        sandbox.servicenow().instance(t.id()).faults().ambiguousWrites());
  }

  /** Switches off the ambiguous outcomes that have hit; returns how many are still armed. */
  int retire() {
    int armed = 0;
    for (SandboxTenant t : sandbox.tenants()) {
      for (AmbiguousWrites w : all(t)) {
        for (String endpoint : w.switches().keySet()) {
          if (w.injected(endpoint) > 0) {
            w.set(endpoint, 0, LostAnswer.RESET);
          } else {
            armed++;
          }
        }
      }
    }
    return armed;
  }

  /** Every fault off, armed or not (the quiet phase's last resort). */
  void clear() {
    for (SandboxTenant t : sandbox.tenants()) {
      all(t).forEach(AmbiguousWrites::clear);
    }
  }

  /** The switches of {@code writes} that have not lost an answer yet. */
  static Map<String, AmbiguousWrites.Switch> unhit(AmbiguousWrites writes) {
    Map<String, AmbiguousWrites.Switch> out = new java.util.HashMap<>();
    writes
        .switches()
        .forEach(
            (e, s) -> {
              if (writes.injected(e) == 0) {
                out.put(e, s);
              }
            });
    return out;
  }

  /** Lost answers the simulators actually produced, per write endpoint and mode. */
  Map<String, Long> lostAnswers(String system) {
    java.util.Map<String, Long> out = new java.util.TreeMap<>();
    for (SandboxTenant t : sandbox.tenants()) {
      Map<String, Object> snapshot =
          system.equals("qad") ? all(t).get(0).snapshot() : all(t).get(1).snapshot();
      @SuppressWarnings("unchecked")
      Map<String, Long> injected = (Map<String, Long>) snapshot.get("injected");
      injected.forEach((k, v) -> out.merge(k, v, Long::sum));
    }
    return out;
  }
}

package io.mlconnector.stack.chaos;

import io.mlconnector.stack.fleet.Fleet;
import io.mlconnector.stack.fleet.OperatorApi;
import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * After the schedule: faults are off and every service runs; the pollers are asked to poll until
 * the simulators' tables stop changing (or the verdict passes, or time is up). The verdict of the
 * last look is the run's verdict.
 */
final class QuietPhase {
  private static final Duration ROUND = Duration.ofSeconds(10);

  private final AmbiguousSwitches faults;
  private final Fleet fleet;
  private final OperatorApi api;
  private final GroundTruthReader reader;
  private final List<String> tenants;
  private final PrintStream out;

  QuietPhase(
      AmbiguousSwitches faults,
      Fleet fleet,
      OperatorApi api,
      GroundTruthReader reader,
      List<String> tenants,
      PrintStream out) {
    this.faults = faults;
    this.fleet = fleet;
    this.api = api;
    this.reader = reader;
    this.tenants = tenants;
    this.out = out;
  }

  /** Settles; {@code stableRounds} unchanged looks in a row count as quiet. */
  ChaosVerdict settle(Duration timeout, int stableRounds) throws InterruptedException {
    InvariantChecker checker = new InvariantChecker();
    SettleWatch watch = new SettleWatch(timeout, stableRounds, System.nanoTime());
    long armedUntil = System.nanoTime() + timeout.toNanos() / 2;
    while (true) {
      // Ambiguous outcomes still waiting for their first write stay on for half the wait at most.
      int armed = faults.retire();
      if (armed > 0 && System.nanoTime() > armedUntil) {
        faults.clear();
        armed = 0;
      }
      pollAll();
      Thread.sleep(ROUND.toMillis());
      GroundTruth truth = reader.read(tenants, api, fleet.service("console").baseUri());
      ChaosVerdict verdict = checker.check(truth);
      out.printf("  settling: %s%n", verdict.counts());
      if (watch.done(truth, verdict, armed, System.nanoTime())) {
        return verdict;
      }
    }
  }

  private void pollAll() {
    for (String tenant : tenants) {
      for (String poller : List.of("qad-poller", "servicenow-poller")) {
        try {
          api.post(fleet.service(poller).baseUri().resolve("/polls/" + tenant + "/run"), null);
        } catch (Exception e) {
          out.printf("  poll %s %s: %s%n", poller, tenant, e.getMessage());
        }
      }
    }
  }

  /** The writer's invoices that are not POSTED, per tenant: for triage only. */
  Map<String, Object> connectorView() {
    Map<String, Object> view = new LinkedHashMap<>();
    for (String tenant : tenants) {
      try {
        List<Object> unposted = new java.util.ArrayList<>();
        api.get(fleet.service("writer-service").baseUri().resolve("/invoices/" + tenant))
            .forEach(
                i -> {
                  if (!"POSTED".equals(i.path("status").asText())) {
                    unposted.add(i);
                  }
                });
        view.put("writer_unposted_invoices." + tenant, unposted);
      } catch (Exception e) {
        view.put("writer_unposted_invoices." + tenant, "unreadable: " + e.getMessage());
      }
    }
    return view;
  }
}

package io.mlconnector.stack.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The fault schedule is reproducible from its seed and covers every fault kind. */
class ChaosScheduleTest {
  private static final List<String> TENANTS = List.of("acme", "globex");
  private static final List<String> SERVICES = List.of("console", "mapper-service", "writer");

  @Test
  void sameSeedSameScheduleOtherSeedOtherSchedule() {
    assertThat(ChaosSchedule.generate(7, 100, TENANTS, SERVICES).events())
        .isEqualTo(ChaosSchedule.generate(7, 100, TENANTS, SERVICES).events());
    assertThat(ChaosSchedule.generate(8, 100, TENANTS, SERVICES).events())
        .isNotEqualTo(ChaosSchedule.generate(7, 100, TENANTS, SERVICES).events());
  }

  @Test
  void everyKindAtLeastOnceEveryServiceKilledTwiceAllWithinTheWindow() {
    List<ChaosEvent> events = ChaosSchedule.generate(1, 100, TENANTS, SERVICES).events();
    Set<FaultKind> kinds = events.stream().map(ChaosEvent::kind).collect(Collectors.toSet());
    assertThat(kinds).isEqualTo(EnumSet.allOf(FaultKind.class));
    Map<String, Long> kills =
        events.stream()
            .filter(e -> e.kind() == FaultKind.SERVICE_KILL)
            .collect(Collectors.groupingBy(ChaosEvent::target, Collectors.counting()));
    assertThat(kills).containsOnlyKeys(SERVICES).allSatisfy((s, n) -> assertThat(n).isEqualTo(2));
    assertThat(events).allSatisfy(e -> assertThat(e.atSecond()).isBetween(0, 100));
    assertThat(events).isSortedAccordingTo(java.util.Comparator.comparingInt(ChaosEvent::atSecond));
  }

  /**
   * The replay lists and rewinds consumer groups through the broker: fired while the broker is down
   * or still starting, it rewinds nothing (and once blocked the schedule for a minute).
   */
  @Test
  void offsetReplayNeverFallsIntoTheBrokerOutage() {
    for (long seed = 1; seed <= 40; seed++) {
      for (int window : List.of(100, 600)) {
        List<ChaosEvent> events = ChaosSchedule.generate(seed, window, TENANTS, SERVICES).events();
        int brokerBack =
            events.stream()
                .filter(e -> e.kind() == FaultKind.KAFKA_RESTART)
                .mapToInt(e -> e.atSecond() + e.seconds())
                .max()
                .orElseThrow();
        assertThat(events)
            .filteredOn(e -> e.kind() == FaultKind.OFFSET_RESET_REPLAY)
            .as("seed %d, window %d s, broker back at t+%d s", seed, window, brokerBack)
            .allSatisfy(
                e ->
                    assertThat(e.atSecond())
                        .isGreaterThanOrEqualTo(brokerBack + ChaosSchedule.BROKER_START_SECONDS));
      }
    }
  }

  /**
   * A broker (or database) restart while the previous one is still starting stopped the in-process
   * broker mid-start: the full run's four broker restarts, all drawn from one 60 s span, left it
   * crashed ("unable to register with the controller quorum", then a corrupt index).
   */
  @Test
  void restartsOfOneResourceNeverOverlapTheirOutageAndStart() {
    for (long seed = 1; seed <= 40; seed++) {
      for (int window : List.of(100, 600, 1200)) {
        List<ChaosEvent> events = ChaosSchedule.generate(seed, window, TENANTS, SERVICES).events();
        for (FaultKind kind : List.of(FaultKind.KAFKA_RESTART, FaultKind.POSTGRES_RESTART)) {
          List<ChaosEvent> restarts = events.stream().filter(e -> e.kind() == kind).toList();
          for (int i = 1; i < restarts.size(); i++) {
            ChaosEvent before = restarts.get(i - 1);
            assertThat(restarts.get(i).atSecond())
                .as("seed %d, window %d s, %s", seed, window, restarts)
                .isGreaterThanOrEqualTo(
                    before.atSecond() + before.seconds() + ChaosSchedule.OUTAGE_START_SECONDS);
          }
          assertThat(restarts).allSatisfy(e -> assertThat(e.atSecond()).isLessThan(window));
        }
      }
    }
  }

  @Test
  void lostAnswersOnEveryWriteEndpointOfEveryTenantAtTheGivenRate() {
    List<ChaosEvent> events = ChaosSchedule.generate(3, 100, TENANTS, SERVICES, 0.3).events();
    Set<String> armed =
        events.stream()
            .filter(e -> e.kind().name().startsWith("AMBIGUOUS_"))
            .peek(e -> assertThat(ChaosSchedule.rate(e)).isEqualTo(0.3))
            .map(e -> e.kind().key() + "@" + e.target())
            .collect(Collectors.toSet());
    assertThat(armed)
        .containsExactlyInAnyOrder(
            "ambiguous_qad_invoice_post@acme/qad",
            "ambiguous_qad_invoice_post@globex/qad",
            "ambiguous_sn_table_post@acme/servicenow",
            "ambiguous_sn_table_patch@acme/servicenow",
            "ambiguous_sn_batch@globex/servicenow",
            "ambiguous_sn_table_patch@globex/servicenow");
  }

  @Test
  void selfTestLosesQadAnswersOnlyAndApprovesInvoices() {
    ChaosOptions options = ChaosOptions.parse("--self-test");
    assertThat(options.selfTest()).isTrue();
    assertThat(options.ambiguousRate()).isEqualTo(0.5);
    List<ChaosEvent> events =
        ChaosSchedule.selfTest(1, 60, TENANTS, options.ambiguousRate()).events();
    assertThat(events.stream().map(ChaosEvent::kind).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(
            FaultKind.AMBIGUOUS_QAD_INVOICE_POST, FaultKind.INVOICE_APPROVALS);
    assertThat(ChaosOptions.parse("--ambiguous-rate", "0.3").ambiguousRate()).isEqualTo(0.3);
  }

  @Test
  void optionsHaveTheDocumentedDefaults() {
    ChaosOptions full = ChaosOptions.parse();
    assertThat(full.records()).isEqualTo(20_000);
    assertThat(full.invoices()).isEqualTo(400);
    assertThat(full.faultWindow().toMinutes()).isEqualTo(10);
    assertThat(full.keep()).isFalse();
    assertThat(ChaosOptions.parse("--keep").keep()).isTrue();
    ChaosOptions quick = ChaosOptions.parse("--quick", "--seed", "5", "--invoices", "10");
    assertThat(quick.quick()).isTrue();
    assertThat(quick.seed()).isEqualTo(5);
    assertThat(quick.invoices()).isEqualTo(10);
    assertThat(quick.faultWindow().toSeconds()).isEqualTo(100);
  }
}

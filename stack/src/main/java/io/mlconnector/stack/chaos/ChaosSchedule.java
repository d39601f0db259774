package io.mlconnector.stack.chaos;

import io.mlconnector.sandbox.http.LostAnswer;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * The seeded fault schedule: every fault kind at least once (services killed twice each), spread
 * over the fault window. Same seed, tenants, services and window: the same schedule.
 */
public final class ChaosSchedule {
  /** Invoice approvals come in this many waves over the first 60 % of the window. */
  static final int WAVES = 5;

  /** Share of successful writes whose answer is lost while an ambiguous-outcome switch is on. */
  static final double DEFAULT_AMBIGUOUS_RATE = 0.3;

  /** Seconds a restarted broker may take before it answers admin calls. */
  static final int BROKER_START_SECONDS = 10;

  /**
   * Seconds a restarted broker or database may take to start on a busy machine: the next restart of
   * the same one waits that long after the previous outage ended.
   */
  static final int OUTAGE_START_SECONDS = 40;

  private final List<ChaosEvent> events;

  private ChaosSchedule(List<ChaosEvent> events) {
    this.events = events;
  }

  public List<ChaosEvent> events() {
    return events;
  }

  public static ChaosSchedule generate(
      long seed, int windowSeconds, List<String> tenants, List<String> services) {
    return generate(seed, windowSeconds, tenants, services, DEFAULT_AMBIGUOUS_RATE);
  }

  /**
   * @param ambiguousRate share of successful writes whose answer is lost, on every write endpoint
   */
  public static ChaosSchedule generate(
      long seed,
      int windowSeconds,
      List<String> tenants,
      List<String> services,
      double ambiguousRate) {
    Random random = new Random(seed);
    Builder b = new Builder(random, windowSeconds);
    int rounds = Math.max(1, windowSeconds / 150);
    int brokerBack = 0;
    for (int wave = 0; wave < WAVES; wave++) {
      b.at(wave * 0.6 / WAVES, FaultKind.INVOICE_APPROVALS, "all", 0, "wave " + wave);
    }
    for (int round = 0; round < 2 * rounds; round++) {
      for (String service : services) {
        b.between(0.05, 0.85, FaultKind.SERVICE_KILL, service, 2 + random.nextInt(4), "kill -9");
      }
    }
    for (int round = 0; round < rounds; round++) {
      b.between(0.10, 0.45, FaultKind.WRITER_SECOND_INSTANCE, "writer-service", 30, "");
      ChaosEvent kafka = b.apart(b.between(0.20, 0.30, FaultKind.KAFKA_RESTART, "kafka", 8, ""));
      brokerBack = Math.max(brokerBack, kafka.atSecond() + kafka.seconds() + BROKER_START_SECONDS);
      b.apart(b.between(0.50, 0.60, FaultKind.POSTGRES_RESTART, "postgres", 8, ""));
      for (String system : List.of("qad", "servicenow")) {
        String tenant = tenants.get(random.nextInt(tenants.size()));
        String target = tenant + "/" + system;
        b.between(0.05, 0.80, FaultKind.RATE_LIMIT_STORM, target, 0, "5 calls, Retry-After 2s");
        b.between(0.05, 0.80, FaultKind.SERVER_ERROR_BURST, target, 8, "30% 503");
        b.between(0.05, 0.80, FaultKind.LATENCY_SPIKE, target, 8, "1500ms");
        b.between(0.05, 0.80, FaultKind.HTML_MAINTENANCE_PAGE, target, 8, "20% / 5 pages");
        b.between(0.05, 0.80, FaultKind.TOKEN_REVOCATION, target, 0, "");
        b.between(0.05, 0.70, FaultKind.TOKEN_EXPIRY, target, 20, "3s lifetime");
        b.between(0.05, 0.60, FaultKind.RESAVE_WHILE_PAGING, target, 20, "");
        b.between(0.05, 0.60, FaultKind.SAME_SECOND_ROWS, target, 0, "");
      }
      b.between(
          0.15,
          0.45,
          FaultKind.DLQ_OUTAGE,
          "mlc.dlq",
          Math.min(60, windowSeconds * 3 / 10),
          "an unreadable record per tenant on sn.upsert");
      // Before the broker restart (0.20-0.30): the mapper parks it while the broker is up.
      b.between(
          0.05,
          0.18,
          FaultKind.POISONED_RECORD,
          "all",
          0,
          "a cost center code over qad_dimension.code's 255 characters per tenant");
      b.between(0.10, 0.55, FaultKind.ACL_HIDDEN_ROWS, tenants.get(0) + "/servicenow", 25, "");
      for (String tenant : tenants) {
        b.between(0.10, 0.60, FaultKind.QAD_RECORD_CHANGES, tenant, 0, "20 PO lines, 5 suppliers");
      }
      b.between(0.40, 0.60, FaultKind.CLERK_EDITS_APPROVED_INVOICE, "all", 0, "3 per tenant");
      b.between(0.55, 0.70, FaultKind.CLERK_RESUBMITS_INVOICE, "all", 0, "fixed cost center");
      b.between(0.15, 0.50, FaultKind.SAME_LINE_INVOICES, "all", 0, "");
    }
    // Through the broker's admin API: only once every restarted broker answers again.
    for (int round = 0; round < rounds; round++) {
      b.between(
          Math.max(0.25, (brokerBack + 1.0) / windowSeconds),
          0.70,
          FaultKind.OFFSET_RESET_REPLAY,
          "mapper+writer",
          0,
          "");
    }
    b.at(0.35, FaultKind.LATE_RECEIPT, "all", 0, "first half");
    b.at(0.70, FaultKind.LATE_RECEIPT, "all", 0, "the rest");
    // Ambiguous outcomes on every write endpoint each tenant's writes use (the last tenant writes
    // staging rows through the Batch API, the others through Table POST/PATCH; every tenant's
    // write-back is a Table PATCH), over most of the window; one lost-answer mode per switch.
    for (String tenant : tenants) {
      boolean batchApi = tenant.equals(tenants.get(tenants.size() - 1));
      b.at(
          0.02,
          FaultKind.AMBIGUOUS_QAD_INVOICE_POST,
          tenant + "/qad",
          0.75,
          mode(random, ambiguousRate));
      for (FaultKind kind :
          batchApi
              ? List.of(FaultKind.AMBIGUOUS_SN_BATCH, FaultKind.AMBIGUOUS_SN_TABLE_PATCH)
              : List.of(FaultKind.AMBIGUOUS_SN_TABLE_POST, FaultKind.AMBIGUOUS_SN_TABLE_PATCH)) {
        b.at(0.02, kind, tenant + "/servicenow", 0.75, mode(random, ambiguousRate));
      }
    }
    b.events.sort(Comparator.comparingInt(ChaosEvent::atSecond));
    return new ChaosSchedule(List.copyOf(b.events));
  }

  private static String mode(Random random, double rate) {
    LostAnswer[] modes = LostAnswer.values();
    return Math.round(rate * 100) + "% " + modes[random.nextInt(modes.length)].name();
  }

  /** The rate an ambiguous event's detail ("30% RESET") names. */
  static double rate(ChaosEvent event) {
    String detail = event.detail();
    return Double.parseDouble(detail.substring(0, detail.indexOf('%'))) / 100;
  }

  /**
   * The harness's self-test: approvals and lost answers on QAD's supplier-invoice POST only (at
   * {@code ambiguousRate}), so a writer that re-sends blindly is caught within a short run.
   */
  public static ChaosSchedule selfTest(
      long seed, int windowSeconds, List<String> tenants, double ambiguousRate) {
    Random random = new Random(seed);
    Builder b = new Builder(random, windowSeconds);
    for (String tenant : tenants) {
      b.at(
          0.0,
          FaultKind.AMBIGUOUS_QAD_INVOICE_POST,
          tenant + "/qad",
          0.9,
          mode(random, ambiguousRate));
    }
    for (int wave = 0; wave < WAVES; wave++) {
      b.at(0.02 + wave * 0.6 / WAVES, FaultKind.INVOICE_APPROVALS, "all", 0, "wave " + wave);
    }
    b.events.sort(Comparator.comparingInt(ChaosEvent::atSecond));
    return new ChaosSchedule(List.copyOf(b.events));
  }

  public void print(long seed, PrintStream out) {
    out.printf("fault schedule (seed %d, %d events):%n", seed, events.size());
    events.forEach(e -> out.println("  " + e));
  }

  private static final class Builder {
    private final Random random;
    private final int window;
    private final List<ChaosEvent> events = new ArrayList<>();

    Builder(Random random, int window) {
      this.random = random;
      this.window = window;
    }

    ChaosEvent at(double share, FaultKind kind, String target, int seconds, String detail) {
      ChaosEvent event = new ChaosEvent((int) (share * window), kind, target, seconds, detail);
      events.add(event);
      return event;
    }

    void at(double share, FaultKind kind, String target, double lastingShare, String detail) {
      at(share, kind, target, (int) (lastingShare * window), detail);
    }

    ChaosEvent between(
        double from, double to, FaultKind kind, String target, int seconds, String detail) {
      return at(from + random.nextDouble() * (to - from), kind, target, seconds, detail);
    }

    /**
     * The event, moved later if needed so it starts {@link #OUTAGE_START_SECONDS} after every
     * earlier event of its kind has ended: one resource is never stopped while it still starts.
     */
    ChaosEvent apart(ChaosEvent event) {
      int free =
          events.stream()
              .filter(e -> e != event && e.kind() == event.kind())
              .mapToInt(e -> e.atSecond() + e.seconds() + OUTAGE_START_SECONDS)
              .max()
              .orElse(0);
      if (event.atSecond() >= free) {
        return event;
      }
      ChaosEvent moved =
          new ChaosEvent(free, event.kind(), event.target(), event.seconds(), event.detail());
      events.set(events.indexOf(event), moved);
      return moved;
    }
  }
}

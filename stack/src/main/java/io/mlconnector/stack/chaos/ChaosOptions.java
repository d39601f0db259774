package io.mlconnector.stack.chaos;

import java.time.Duration;

/**
 * Options of {@code ./mlc chaos}.
 *
 * @param records QAD records across the tenants (the seed is scaled to about this many)
 * @param invoices approved ServiceNow invoices across the tenants
 * @param faultWindow how long the fault schedule runs
 * @param seed seed of the fault schedule and the workload (same seed, same schedule)
 * @param quick the small run: every fault kind at least once, a few minutes on 2 cores
 * @param ambiguousRate share of successful writes whose answer is lost while an ambiguous-outcome
 *     switch is on (every write endpoint)
 * @param selfTest the harness's own test: a writer broken on purpose (it re-sends QAD POSTs
 *     blindly) must make the run report duplicated QAD invoices
 * @param keep leave the stack, the simulators and the fleet running after the verdict (for live
 *     triage: consumer lag, the services' tables, thread dumps) until the launcher is stopped
 */
public record ChaosOptions(
    int records,
    int invoices,
    Duration faultWindow,
    long seed,
    boolean quick,
    double ambiguousRate,
    boolean selfTest,
    boolean keep) {

  static final String USAGE =
      "usage: ChaosMain [--records N] [--invoices M] [--minutes T] [--seed S] [--quick]"
          + " [--ambiguous-rate R] [--self-test] [--keep]";

  public static ChaosOptions parse(String... args) {
    Integer records = null;
    Integer invoices = null;
    Duration window = null;
    long seed = 1;
    boolean quick = false;
    double rate = ChaosSchedule.DEFAULT_AMBIGUOUS_RATE;
    boolean selfTest = false;
    boolean keep = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--records" -> records = Integer.parseInt(args[++i]);
        case "--invoices" -> invoices = Integer.parseInt(args[++i]);
        case "--minutes" ->
            window = Duration.ofSeconds((long) (Double.parseDouble(args[++i]) * 60));
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--quick" -> quick = true;
        case "--ambiguous-rate" -> rate = Double.parseDouble(args[++i]);
        case "--self-test" -> selfTest = true;
        case "--keep" -> keep = true;
        default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
      }
    }
    if (rate <= 0 || rate > 1) {
      throw new IllegalArgumentException("--ambiguous-rate must be in (0, 1]\n" + USAGE);
    }
    boolean small = quick || selfTest;
    return new ChaosOptions(
        records != null ? records : selfTest ? 1_000 : quick ? 3_000 : 20_000,
        invoices != null ? invoices : selfTest ? 40 : quick ? 60 : 400,
        window != null
            ? window
            : selfTest
                ? Duration.ofSeconds(60)
                : quick ? Duration.ofSeconds(100) : Duration.ofMinutes(10),
        seed,
        small,
        selfTest && rate == ChaosSchedule.DEFAULT_AMBIGUOUS_RATE ? 0.5 : rate,
        selfTest,
        keep);
  }
}

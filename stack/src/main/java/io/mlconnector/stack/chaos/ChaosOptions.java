package io.mlconnector.stack.chaos;

import java.time.Duration;

/**
 * Options of {@code ./mlc chaos}.
 *
 * @param records QAD records across the tenants (the seed is scaled to about this many)
 * @param invoices approved ServiceNow invoices across the tenants
 * @param faultWindow how long the fault schedule runs
 * @param seed seed of the fault schedule and the workload (same seed, same schedule)
 * @param quick the small run: fits in 5 minutes on 2 cores, every fault kind at least once
 */
public record ChaosOptions(
    int records, int invoices, Duration faultWindow, long seed, boolean quick) {

  static final String USAGE =
      "usage: ChaosMain [--records N] [--invoices M] [--minutes T] [--seed S] [--quick]";

  public static ChaosOptions parse(String... args) {
    Integer records = null;
    Integer invoices = null;
    Duration window = null;
    long seed = 1;
    boolean quick = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--records" -> records = Integer.parseInt(args[++i]);
        case "--invoices" -> invoices = Integer.parseInt(args[++i]);
        case "--minutes" ->
            window = Duration.ofSeconds((long) (Double.parseDouble(args[++i]) * 60));
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--quick" -> quick = true;
        default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
      }
    }
    return new ChaosOptions(
        records != null ? records : quick ? 3_000 : 20_000,
        invoices != null ? invoices : quick ? 60 : 400,
        window != null ? window : quick ? Duration.ofSeconds(100) : Duration.ofMinutes(10),
        seed,
        quick);
  }
}

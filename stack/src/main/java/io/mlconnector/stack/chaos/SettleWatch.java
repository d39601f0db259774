package io.mlconnector.stack.chaos;

import java.time.Duration;

/**
 * When the quiet phase may stop looking. It ends when the verdict passes (with no ambiguous switch
 * still armed), or when the simulators' tables and the invariant counts have not changed for {@code
 * stableRounds} looks in a row. After {@code timeout} it goes on only while each look finds fewer
 * violations than any look before (a fleet still catching up after a kill at the schedule's end is
 * not judged half-way), and never past {@link #hardCap}.
 */
final class SettleWatch {
  private final long softDeadline;
  private final long hardDeadline;
  private final int stableRounds;
  private String last = "";
  private int stable;
  private long fewestViolations = Long.MAX_VALUE;

  SettleWatch(Duration timeout, int stableRounds, long nowNanos) {
    this.softDeadline = nowNanos + timeout.toNanos();
    this.hardDeadline = nowNanos + hardCap(timeout).toNanos();
    this.stableRounds = stableRounds;
  }

  /** The latest a fleet is looked at, however busy it is. */
  static Duration hardCap(Duration timeout) {
    return timeout.multipliedBy(4);
  }

  /** One look at the landscape; true when the phase is over and this look is the verdict. */
  boolean done(GroundTruth truth, ChaosVerdict verdict, int armed, long nowNanos) {
    String fingerprint = fingerprint(truth, verdict);
    stable = fingerprint.equals(last) && armed == 0 ? stable + 1 : 0;
    last = fingerprint;
    long violations = verdict.counts().values().stream().mapToLong(Long::longValue).sum();
    boolean better = violations < fewestViolations;
    fewestViolations = Math.min(fewestViolations, violations);
    if (verdict.passed() && armed == 0) {
      return true;
    }
    return stable >= stableRounds
        || (nowNanos > softDeadline && !better)
        || nowNanos > hardDeadline;
  }

  /** What moves while the fleet still works: table sizes and every invariant's count. */
  private static String fingerprint(GroundTruth truth, ChaosVerdict verdict) {
    long processed =
        truth.snInvoices().stream().filter(i -> "Processed".equals(i.status())).count();
    return truth.staging().size()
        + "/"
        + truth.qadInvoices().size()
        + "/"
        + processed
        + "/"
        + verdict.counts();
  }
}

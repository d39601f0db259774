package io.mlconnector.stack.chaos;

/**
 * One step of the fault schedule.
 *
 * @param atSecond seconds after the schedule starts
 * @param kind what happens
 * @param target a service, a tenant, or a tenant plus a simulator ({@code acme/qad})
 * @param seconds how long a timed fault stays on (0: instant)
 * @param detail the kind's parameter (a lost-answer mode, a count), or empty
 */
public record ChaosEvent(int atSecond, FaultKind kind, String target, int seconds, String detail) {

  @Override
  public String toString() {
    return String.format(
        "t+%3ds  %-28s %-22s %s%s",
        atSecond, kind.key(), target, seconds > 0 ? seconds + "s " : "", detail);
  }
}

package io.mlconnector.common.breaker;

/** A circuit breaker's state, ordered from healthy to failing (the gauge's values). */
public enum BreakerState {
  /** Calls go out. */
  CLOSED(0),
  /** The open time is over: the next call is a trial that closes or re-opens the breaker. */
  HALF_OPEN(1),
  /** Calls fail at once without reaching the system. */
  OPEN(2);

  private final int gauge;

  BreakerState(int gauge) {
    this.gauge = gauge;
  }

  /** 0 closed, 1 half-open, 2 open: {@code mlc_breaker_state}. */
  public int gauge() {
    return gauge;
  }

  /** The worse of two states (null counts as unknown, i.e. better than any). */
  public static BreakerState worst(BreakerState a, BreakerState b) {
    if (a == null) {
      return b;
    }
    return b == null || a.gauge >= b.gauge ? a : b;
  }
}

package io.mlconnector.sandbox.qad;

import java.time.Instant;

/** The sandbox's {@link io.mlconnector.sandbox.SettableClock}, under this simulator's package. */
public final class SettableClock extends io.mlconnector.sandbox.SettableClock {
  public SettableClock(Instant start) {
    super(start);
  }
}

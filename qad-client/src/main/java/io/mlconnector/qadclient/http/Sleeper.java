package io.mlconnector.qadclient.http;

import java.time.Duration;

/** Waits between retries; tests substitute one that records the waits instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
  Sleeper REAL =
      d -> {
        try {
          Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while waiting to retry QAD", e);
        }
      };

  void sleep(Duration duration);
}

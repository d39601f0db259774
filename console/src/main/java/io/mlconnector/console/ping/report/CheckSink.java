package io.mlconnector.console.ping.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects one system's checks as they finish. Thread-safe because the ping reads what was
 * collected so far when a system exceeds its time budget, while its probe may still be running.
 */
public final class CheckSink {
  private final List<PingCheck> checks = new ArrayList<>();

  public synchronized void add(PingCheck check) {
    checks.add(check);
  }

  public synchronized List<PingCheck> snapshot() {
    return List.copyOf(checks);
  }
}

package io.mlconnector.stack.bench;

import java.util.Map;

/**
 * Throughput, QAD calls and CPU of one incremental cycle: the changed lines of one poll, from the
 * poll's start until the last change shows in ServiceNow.
 *
 * @param recordsPerSecond changed lines per second, poll start → last change visible
 * @param qadCallsPer1000 QAD HTTP calls (token included) per 1,000 changed lines
 * @param cpuSecondsByProcess CPU seconds per 1,000 changed lines, per fleet process ({@link
 *     FleetMeter}), until the pipeline is drained
 */
public record CycleFigures(
    double recordsPerSecond, double qadCallsPer1000, Map<String, Double> cpuSecondsByProcess) {

  /** Not measured. */
  public static final CycleFigures NONE = new CycleFigures(0, 0, Map.of());

  /** CPU seconds per 1,000 changed lines, all fleet processes together. */
  public double cpuSecondsPer1000() {
    return cpuSecondsByProcess.values().stream().mapToDouble(Double::doubleValue).sum();
  }
}

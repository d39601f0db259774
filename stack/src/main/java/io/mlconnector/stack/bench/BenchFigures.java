package io.mlconnector.stack.bench;

import java.util.List;
import java.util.Map;

/**
 * What one writer mode achieved.
 *
 * @param callsPer1000Initial ServiceNow HTTP calls per 1,000 records synced by the initial load
 * @param callsPer1000Incremental ServiceNow HTTP calls per 1,000 changed records in a cycle
 * @param writesUnchangedCycle ServiceNow writes during a cycle in which nothing changed in QAD
 * @param recordsPerSecondInitial records synced end to end per second (poll start → last row)
 * @param qadCallsPer1000Initial QAD HTTP calls (token included) per 1,000 records, initial load
 * @param cpuSecondsByProcessInitial CPU seconds each fleet process used during the initial load
 *     ({@link FleetMeter}), per 1,000 records
 * @param rssMbMaxByService each service's peak resident memory (MB) over its life so far
 * @param changeLatencyMs QAD change-to-visible latency samples; empty when not measured
 * @param incremental the incremental cycle's throughput, QAD calls and CPU
 */
public record BenchFigures(
    double callsPer1000Initial,
    double callsPer1000Incremental,
    long writesUnchangedCycle,
    double recordsPerSecondInitial,
    double qadCallsPer1000Initial,
    Map<String, Double> cpuSecondsByProcessInitial,
    Map<String, Long> rssMbMaxByService,
    List<Long> changeLatencyMs,
    CycleFigures incremental) {

  /** The ServiceNow figures alone (no process or latency figures). */
  public BenchFigures(
      double callsPer1000Initial,
      double callsPer1000Incremental,
      long writesUnchangedCycle,
      double recordsPerSecondInitial) {
    this(
        callsPer1000Initial,
        callsPer1000Incremental,
        writesUnchangedCycle,
        recordsPerSecondInitial,
        0,
        Map.of(),
        Map.of(),
        List.of(),
        CycleFigures.NONE);
  }

  /** CPU seconds per 1,000 records of the initial load, all fleet processes together. */
  public double cpuSecondsPer1000Initial() {
    return cpuSecondsByProcessInitial.values().stream().mapToDouble(Double::doubleValue).sum();
  }

  public BenchFigures withRss(Map<String, Long> rss) {
    return new BenchFigures(
        callsPer1000Initial,
        callsPer1000Incremental,
        writesUnchangedCycle,
        recordsPerSecondInitial,
        qadCallsPer1000Initial,
        cpuSecondsByProcessInitial,
        rss,
        changeLatencyMs,
        incremental);
  }

  public BenchFigures withChangeLatency(List<Long> samples) {
    return new BenchFigures(
        callsPer1000Initial,
        callsPer1000Incremental,
        writesUnchangedCycle,
        recordsPerSecondInitial,
        qadCallsPer1000Initial,
        cpuSecondsByProcessInitial,
        rssMbMaxByService,
        samples,
        incremental);
  }
}

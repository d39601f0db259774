package io.mlconnector.stack.bench;

/**
 * What one writer mode achieved.
 *
 * @param callsPer1000Initial ServiceNow HTTP calls per 1,000 records synced by the initial load
 * @param callsPer1000Incremental ServiceNow HTTP calls per 1,000 changed records in a cycle
 * @param writesUnchangedCycle ServiceNow writes during a cycle in which nothing changed in QAD
 * @param recordsPerSecondInitial records synced end to end per second (poll start → last row)
 */
public record BenchFigures(
    double callsPer1000Initial,
    double callsPer1000Incremental,
    long writesUnchangedCycle,
    double recordsPerSecondInitial) {}

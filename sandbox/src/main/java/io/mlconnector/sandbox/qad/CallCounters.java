package io.mlconnector.sandbox.qad;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Calls per endpoint of one tenant, counted on arrival (faulted calls included), so tests can
 * assert how politely a client polls, e.g. one receipt browse per cycle or one token per hour.
 */
public final class CallCounters {
  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

  void increment(String endpoint) {
    counts.computeIfAbsent(endpoint, e -> new LongAdder()).increment();
  }

  public long get(String endpoint) {
    LongAdder adder = counts.get(endpoint);
    return adder == null ? 0 : adder.sum();
  }

  /** All counters, sorted by endpoint name. */
  public Map<String, Long> snapshot() {
    Map<String, Long> out = new TreeMap<>();
    counts.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  public void reset() {
    counts.clear();
  }
}

package io.mlconnector.sandbox.servicenow.traffic;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Calls received per endpoint, keyed {@code "GET table/<name>"}, {@code "POST oauth_token.do"},
 * {@code "POST batch"}, plus totals of reads (GET) and writes (POST/PUT/PATCH/DELETE on tables).
 * Tests use them to prove "one query per batch" and back-off behaviour.
 */
public final class CallCounters {
  private final Map<String, AtomicLong> byEndpoint = new ConcurrentHashMap<>();
  private final AtomicLong reads = new AtomicLong();
  private final AtomicLong writes = new AtomicLong();
  private final AtomicLong httpRequests = new AtomicLong();

  /** One HTTP request as it arrived (a batch call counts once here). */
  public void record(String method, String endpoint) {
    httpRequests.incrementAndGet();
    recordOperation(method, endpoint);
  }

  /** One operation inside a batch call: counted per endpoint and as read/write, not as HTTP. */
  public void recordSubRequest(String method, String endpoint) {
    recordOperation(method, endpoint);
  }

  private void recordOperation(String method, String endpoint) {
    byEndpoint.computeIfAbsent(method + " " + endpoint, k -> new AtomicLong()).incrementAndGet();
    if (endpoint.startsWith("table/")) {
      (method.equals("GET") ? reads : writes).incrementAndGet();
    }
  }

  public long count(String method, String endpoint) {
    AtomicLong n = byEndpoint.get(method + " " + endpoint);
    return n == null ? 0 : n.get();
  }

  /** HTTP requests received, of any kind; what a client pays for in round trips and quota. */
  public long httpRequests() {
    return httpRequests.get();
  }

  public long reads() {
    return reads.get();
  }

  public long writes() {
    return writes.get();
  }

  /** Sorted copy: {@code endpoints}, {@code reads}, {@code writes}. */
  public Map<String, Object> snapshot() {
    Map<String, Long> endpoints = new TreeMap<>();
    byEndpoint.forEach((k, v) -> endpoints.put(k, v.get()));
    Map<String, Object> out = new TreeMap<>();
    out.put("endpoints", endpoints);
    out.put("reads", reads.get());
    out.put("writes", writes.get());
    out.put("httpRequests", httpRequests.get());
    return out;
  }

  public void reset() {
    byEndpoint.clear();
    reads.set(0);
    writes.set(0);
    httpRequests.set(0);
  }
}

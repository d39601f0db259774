package io.mlconnector.sandbox.servicenow.fault;

import io.mlconnector.sandbox.http.AmbiguousWrites;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults of one instance, switchable while it serves. Count-based faults ("the next N responses")
 * keep tests deterministic; the 5xx rate uses a seeded random for soak runs.
 */
public final class FaultSwitches {
  private volatile Duration latency = Duration.ZERO;
  private volatile double serverErrorRate;
  private volatile int serverErrorStatus = 503;
  private final Random random = new Random(42);
  private final AtomicInteger rateLimitStorm = new AtomicInteger();
  private volatile int stormRetryAfterSeconds = 2;
  private final AtomicInteger truncatedBodies = new AtomicInteger();
  private final AtomicInteger htmlPages = new AtomicInteger();
  private volatile String touchTable;
  private final AtomicInteger touchCount = new AtomicInteger();
  private volatile Instant pinnedWriteTime;
  private final AmbiguousWrites ambiguousWrites = new AmbiguousWrites();
  private final AtomicInteger subRequestFaults = new AtomicInteger();
  private volatile SubRequestFault subRequestFault;

  /**
   * How a Batch API sub-request fails: it answers {@code status} inside the batch (the batch call
   * itself still answers 200); {@code applied} runs it first (a write happened, its answer is
   * lost), otherwise it is not run. {@code method} limits the fault to GET, POST or PATCH
   * sub-requests (null: any).
   */
  public record SubRequestFault(
      String method, int status, boolean applied, long retryAfterSeconds) {
    /** A 429 among them asks for a one-second pause. */
    public SubRequestFault(String method, int status, boolean applied) {
      this(method, status, applied, 1);
    }
  }

  /** Write endpoints of {@link #ambiguousWrites()}: Table API POST, PATCH/PUT, Batch API. */
  public static final String TABLE_POST = "table_post";

  public static final String TABLE_PATCH = "table_patch";
  public static final String BATCH = "batch";

  /** Ambiguous outcomes: the write is applied, then its answer is lost. */
  public AmbiguousWrites ambiguousWrites() {
    return ambiguousWrites;
  }

  /** Every API call waits this long before it is handled. */
  public FaultSwitches latency(Duration value) {
    this.latency = value;
    return this;
  }

  /** A share (0..1) of API calls answers {@code status} with an HTML page. */
  public FaultSwitches serverErrors(double rate, int status) {
    this.serverErrorRate = rate;
    this.serverErrorStatus = status;
    return this;
  }

  /** The next {@code count} API calls get 429 with {@code Retry-After: retryAfterSeconds}. */
  public FaultSwitches rateLimitStorm(int count, int retryAfterSeconds) {
    rateLimitStorm.set(count);
    this.stormRetryAfterSeconds = retryAfterSeconds;
    return this;
  }

  /** The next {@code count} successful API responses are cut in half. */
  public FaultSwitches truncateBodies(int count) {
    truncatedBodies.set(count);
    return this;
  }

  /** The next {@code count} API calls answer 200 with an HTML page instead of JSON. */
  public FaultSwitches htmlPages(int count) {
    htmlPages.set(count);
    return this;
  }

  /** After the next first page (offset 0) of {@code table} is served, re-save its first N rows. */
  public FaultSwitches touchRowsAfterFirstPage(String table, int count) {
    this.touchTable = table;
    touchCount.set(count);
    return this;
  }

  /** The next {@code count} Batch API sub-requests (of the fault's method) fail as described. */
  public FaultSwitches failBatchSubRequests(int count, SubRequestFault fault) {
    this.subRequestFault = fault;
    subRequestFaults.set(count);
    return this;
  }

  /** The fault this sub-request meets, or null. */
  public synchronized SubRequestFault drawSubRequestFault(String method) {
    SubRequestFault fault = subRequestFault;
    if (fault == null || (fault.method() != null && !fault.method().equalsIgnoreCase(method))) {
      return null;
    }
    return takeOne(subRequestFaults) ? fault : null;
  }

  /** Every write is stamped with this second (null = the clock), so rows pile up on one second. */
  public FaultSwitches pinWriteTime(Instant second) {
    this.pinnedWriteTime = second;
    return this;
  }

  public void clear() {
    latency = Duration.ZERO;
    serverErrorRate = 0;
    rateLimitStorm.set(0);
    truncatedBodies.set(0);
    htmlPages.set(0);
    touchTable = null;
    touchCount.set(0);
    pinnedWriteTime = null;
    ambiguousWrites.clear();
    subRequestFaults.set(0);
    subRequestFault = null;
  }

  public Duration latency() {
    return latency;
  }

  /** The 5xx status to answer now, or 0. */
  public synchronized int drawServerError() {
    return serverErrorRate > 0 && random.nextDouble() < serverErrorRate ? serverErrorStatus : 0;
  }

  /** Retry-After seconds when this call falls into a 429 storm, else -1. */
  public int drawRateLimitStorm() {
    return takeOne(rateLimitStorm) ? stormRetryAfterSeconds : -1;
  }

  public boolean drawTruncatedBody() {
    return takeOne(truncatedBodies);
  }

  public boolean drawHtmlPage() {
    return takeOne(htmlPages);
  }

  /** How many rows of {@code table} to touch now that its first page went out (one-shot). */
  public int drawTouchAfterFirstPage(String table) {
    return table.equals(touchTable) ? touchCount.getAndSet(0) : 0;
  }

  public Instant pinnedWriteTime() {
    return pinnedWriteTime;
  }

  public Map<String, Object> snapshot() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("latency_ms", latency.toMillis());
    out.put("server_error_rate", serverErrorRate);
    out.put("server_error_status", serverErrorStatus);
    out.put("rate_limit_storm_remaining", rateLimitStorm.get());
    out.put("storm_retry_after_seconds", stormRetryAfterSeconds);
    out.put("truncated_bodies_remaining", truncatedBodies.get());
    out.put("html_pages_remaining", htmlPages.get());
    out.put("touch_after_first_page_table", touchTable);
    out.put("touch_after_first_page_rows", touchCount.get());
    out.put("pinned_write_time", pinnedWriteTime == null ? null : pinnedWriteTime.toString());
    out.put("ambiguous_writes", ambiguousWrites.snapshot());
    out.put("batch_sub_request_faults_remaining", subRequestFaults.get());
    return out;
  }

  private static boolean takeOne(AtomicInteger remaining) {
    return remaining.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
  }
}

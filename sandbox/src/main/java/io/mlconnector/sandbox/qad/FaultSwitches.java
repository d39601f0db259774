package io.mlconnector.sandbox.qad;

import io.mlconnector.sandbox.http.AmbiguousWrites;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults of one tenant, switchable at runtime from tests (setters) or over the admin endpoint (the
 * same properties as JSON). All off by default. Rates are probabilities from 0 to 1.
 */
public final class FaultSwitches {
  private volatile long latencyMillis;
  private volatile double serverErrorRate;
  private volatile int serverErrorStatus = 503;
  private final AtomicInteger throttleRequests = new AtomicInteger();
  private volatile int retryAfterSeconds = 2;
  private volatile double truncatedBodyRate;
  private volatile double htmlBodyRate;
  private final AtomicInteger modifyDuringPagedRead = new AtomicInteger();
  private volatile boolean ignoreKeyFilters;
  private final AtomicInteger refusedWrites = new AtomicInteger();
  private volatile int refusedWriteStatus = 409;
  private final AmbiguousWrites ambiguousWrites = new AmbiguousWrites();
  private volatile String tokenRedirect;

  /** Endpoint key of the supplier-invoice POST in {@link #ambiguousWrites()}. */
  public static final String SUPPLIER_INVOICE_POST = "supplier_invoice_post";

  /**
   * Ambiguous outcomes of the supplier-invoice POST: the invoice is saved, the answer is lost. Not
   * a bean property: switched through {@code /qad-admin/{t}/faults/ambiguous}.
   */
  public AmbiguousWrites ambiguousWrites() {
    return ambiguousWrites;
  }

  /**
   * Where the token endpoint sends its callers instead of issuing a token (303 See Other with this
   * {@code Location}), as a misconfigured proxy or login page does; {@code null}: off. A client
   * that followed it would carry the service account's password there.
   */
  public String getTokenRedirect() {
    return tokenRedirect;
  }

  public FaultSwitches setTokenRedirect(String location) {
    this.tokenRedirect = location;
    return this;
  }

  /** Extra delay before every API answer. */
  public long getLatencyMillis() {
    return latencyMillis;
  }

  public FaultSwitches setLatencyMillis(long latencyMillis) {
    this.latencyMillis = latencyMillis;
    return this;
  }

  /** Share of API calls answered with {@link #getServerErrorStatus()} instead of the result. */
  public double getServerErrorRate() {
    return serverErrorRate;
  }

  public FaultSwitches setServerErrorRate(double rate) {
    this.serverErrorRate = rate;
    return this;
  }

  public int getServerErrorStatus() {
    return serverErrorStatus;
  }

  public FaultSwitches setServerErrorStatus(int status) {
    this.serverErrorStatus = status;
    return this;
  }

  /** A 429 storm: the next this-many API calls get 429 with {@code Retry-After}. */
  public int getThrottleRequests() {
    return throttleRequests.get();
  }

  public FaultSwitches setThrottleRequests(int count) {
    throttleRequests.set(count);
    return this;
  }

  public int getRetryAfterSeconds() {
    return retryAfterSeconds;
  }

  public FaultSwitches setRetryAfterSeconds(int seconds) {
    this.retryAfterSeconds = seconds;
    return this;
  }

  /** Share of successful JSON answers cut off halfway (invalid JSON, matching Content-Length). */
  public double getTruncatedBodyRate() {
    return truncatedBodyRate;
  }

  public FaultSwitches setTruncatedBodyRate(double rate) {
    this.truncatedBodyRate = rate;
    return this;
  }

  /** Share of answers replaced by a proxy's HTML maintenance page, still with status 200. */
  public double getHtmlBodyRate() {
    return htmlBodyRate;
  }

  public FaultSwitches setHtmlBodyRate(double rate) {
    this.htmlBodyRate = rate;
    return this;
  }

  /**
   * After each browse page that has more to come, this many already-served rows are modified, so
   * they move behind the reader and an offset-paging reader skips as many rows.
   */
  public int getModifyDuringPagedRead() {
    return modifyDuringPagedRead.get();
  }

  public FaultSwitches setModifyDuringPagedRead(int rows) {
    modifyDuringPagedRead.set(rows);
    return this;
  }

  /**
   * Browse filters on a table's key fields are silently ignored (the modified-time filter still
   * applies), as on an instance whose browse cannot filter on them: a reader that asks for "the
   * rows after this key" gets the same rows again.
   */
  public boolean isIgnoreKeyFilters() {
    return ignoreKeyFilters;
  }

  public FaultSwitches setIgnoreKeyFilters(boolean ignore) {
    this.ignoreKeyFilters = ignore;
    return this;
  }

  /**
   * The next this-many POSTs are answered {@link #getRefusedWriteStatus()} (e.g. 409, 423) without
   * being applied: a transient refusal of the write only, reads unaffected.
   */
  public int getRefusedWrites() {
    return refusedWrites.get();
  }

  public FaultSwitches setRefusedWrites(int count) {
    refusedWrites.set(count);
    return this;
  }

  public int getRefusedWriteStatus() {
    return refusedWriteStatus;
  }

  public FaultSwitches setRefusedWriteStatus(int status) {
    this.refusedWriteStatus = status;
    return this;
  }

  /** Switches every fault off. */
  public FaultSwitches clear() {
    ambiguousWrites.clear();
    return setLatencyMillis(0)
        .setServerErrorRate(0)
        .setServerErrorStatus(503)
        .setThrottleRequests(0)
        .setRetryAfterSeconds(2)
        .setTruncatedBodyRate(0)
        .setHtmlBodyRate(0)
        .setModifyDuringPagedRead(0)
        .setIgnoreKeyFilters(false)
        .setRefusedWrites(0)
        .setRefusedWriteStatus(409);
  }

  /** Consumes one refused write if any are left. */
  boolean takeRefusedWrite() {
    return refusedWrites.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
  }

  /** Consumes one throttled request if the storm is still on. */
  boolean takeThrottle() {
    return throttleRequests.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
  }

  static boolean roll(double rate) {
    return rate > 0 && ThreadLocalRandom.current().nextDouble() < rate;
  }
}

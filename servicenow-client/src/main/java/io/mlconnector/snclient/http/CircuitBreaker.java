package io.mlconnector.snclient.http;

import io.mlconnector.snclient.error.ServiceNowUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * One tenant's breaker: after {@code threshold} consecutive transient failures calls fail fast for
 * {@code openFor}, then one trial call is let through (half-open). Only outages count; a rejected
 * record is a healthy answer. Keeps a broken tenant from holding threads other tenants need.
 */
public final class CircuitBreaker {
  private final String tenant;
  private final int threshold;
  private final Duration openFor;
  private final Clock clock;
  private int consecutiveFailures;
  private Instant openUntil = Instant.MIN;
  private boolean trialInFlight;

  public CircuitBreaker(String tenant, int threshold, Duration openFor, Clock clock) {
    this.tenant = tenant;
    this.threshold = threshold;
    this.openFor = openFor;
    this.clock = clock;
  }

  /** Throws when the breaker is open; otherwise the call may go ahead. */
  public synchronized void acquire() {
    if (consecutiveFailures < threshold) {
      return;
    }
    Instant now = clock.instant();
    if (now.isBefore(openUntil) || trialInFlight) {
      throw new ServiceNowUnavailableException(
          "ServiceNow of tenant "
              + tenant
              + " is failing ("
              + consecutiveFailures
              + " consecutive failures); circuit open until "
              + openUntil,
          0,
          null);
    }
    trialInFlight = true;
  }

  public synchronized void onSuccess() {
    consecutiveFailures = 0;
    trialInFlight = false;
  }

  public synchronized void onFailure() {
    consecutiveFailures++;
    trialInFlight = false;
    if (consecutiveFailures >= threshold) {
      openUntil = clock.instant().plus(openFor);
    }
  }

  /**
   * Opens now for {@code duration} whatever the failure count: the instance asked for a pause (a
   * {@code Retry-After} above the cap) longer than any thread should wait.
   */
  public synchronized void openFor(Duration duration) {
    consecutiveFailures = Math.max(consecutiveFailures, threshold);
    trialInFlight = false;
    Instant until = clock.instant().plus(duration);
    if (until.isAfter(openUntil)) {
      openUntil = until;
    }
  }

  public synchronized Instant openUntil() {
    return openUntil;
  }

  /** Closes the breaker (tests, operator reset). */
  public synchronized void reset() {
    consecutiveFailures = 0;
    trialInFlight = false;
    openUntil = Instant.MIN;
  }
}

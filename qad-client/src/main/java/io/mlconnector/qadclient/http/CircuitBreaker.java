package io.mlconnector.qadclient.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * One per tenant: after {@code threshold} consecutive failed calls QAD is left alone for {@code
 * openFor}, then one trial call decides whether to close again. Keeps a tenant whose QAD is down
 * from burning its poll threads and QAD's goodwill; other tenants have their own breaker.
 */
public final class CircuitBreaker {
  private final int threshold;
  private final Duration openFor;
  private final Clock clock;
  private int consecutiveFailures;
  private Instant openUntil;
  private boolean trialInFlight;

  public CircuitBreaker(int threshold, Duration openFor, Clock clock) {
    this.threshold = threshold;
    this.openFor = openFor;
    this.clock = clock;
  }

  /** Whether a call may go out now; while half-open, only one trial call at a time. */
  public synchronized boolean tryAcquire() {
    if (openUntil == null) {
      return true;
    }
    if (clock.instant().isBefore(openUntil) || trialInFlight) {
      return false;
    }
    trialInFlight = true;
    return true;
  }

  public synchronized void onSuccess() {
    consecutiveFailures = 0;
    openUntil = null;
    trialInFlight = false;
  }

  public synchronized void onFailure() {
    consecutiveFailures++;
    trialInFlight = false;
    if (consecutiveFailures >= threshold) {
      openUntil = clock.instant().plus(openFor);
    }
  }

  /** Opens now for {@code duration} (a long {@code Retry-After}), whatever the failure count. */
  public synchronized void openFor(Duration duration) {
    trialInFlight = false;
    Instant until = clock.instant().plus(duration);
    if (openUntil == null || until.isAfter(openUntil)) {
      openUntil = until;
    }
  }

  public synchronized boolean isOpen() {
    return openUntil != null;
  }

  /** When an open breaker lets the next trial call through. */
  public synchronized Instant openUntil() {
    return openUntil;
  }
}

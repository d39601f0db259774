package io.mlconnector.qadclient;

/**
 * QAD could not be reached or kept failing (5xx, timeouts, throttling beyond the retry budget, an
 * open circuit breaker). Transient: the next poll cycle may succeed.
 */
public class QadUnavailableException extends QadException {
  public QadUnavailableException(String tenant, String message, Throwable cause) {
    super(tenant, message, cause);
  }
}

package io.mlconnector.snclient.error;

/**
 * The instance could not serve the request now: 5xx, timeout, connection failure, rate limit that
 * outlasted the retries, or the tenant's circuit breaker is open. Retry the work later.
 */
public class ServiceNowUnavailableException extends ServiceNowException {
  public ServiceNowUnavailableException(String message, int status, Throwable cause) {
    super(message, status, null, true, cause);
  }
}

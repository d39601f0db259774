package io.mlconnector.snclient.error;

/**
 * A call to ServiceNow failed. {@link #retryable()} tells callers whether trying the same work
 * later can succeed (outage, rate limit, garbled response) or whether a person has to act first
 * (bad data, missing role, wrong credentials).
 */
public class ServiceNowException extends RuntimeException {
  private final int status;
  private final String detail;
  private final boolean retryable;

  public ServiceNowException(
      String message, int status, String detail, boolean retryable, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.detail = detail;
    this.retryable = retryable;
  }

  /** HTTP status ServiceNow answered with, or 0 when no answer arrived. */
  public int status() {
    return status;
  }

  /** ServiceNow's {@code error.detail}, or null. */
  public String detail() {
    return detail;
  }

  public boolean retryable() {
    return retryable;
  }
}

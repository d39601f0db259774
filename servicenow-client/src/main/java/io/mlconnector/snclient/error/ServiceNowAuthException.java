package io.mlconnector.snclient.error;

/**
 * ServiceNow does not accept the tenant's credentials: the token request was refused, or a fresh
 * token was still rejected. Not retryable; an administrator has to fix the instance or the tenant.
 */
public class ServiceNowAuthException extends ServiceNowException {
  public ServiceNowAuthException(String message, int status, String detail, Throwable cause) {
    super(message, status, detail, false, cause);
  }
}

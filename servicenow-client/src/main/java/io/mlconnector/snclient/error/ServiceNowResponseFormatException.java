package io.mlconnector.snclient.error;

/**
 * ServiceNow answered with something that is not the JSON the API promises: an HTML page (a
 * hibernating instance, a proxy error) or a cut-off body. Retryable: such answers are transient,
 * and callers must not trust that a write did or did not happen (look the record up again).
 */
public class ServiceNowResponseFormatException extends ServiceNowException {
  public ServiceNowResponseFormatException(String message, int status, Throwable cause) {
    super(message, status, null, true, cause);
  }
}

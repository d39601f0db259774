package io.mlconnector.snclient.error;

/** ServiceNow refused the request itself (400 and other 4xx): the data or the table is wrong. */
public class ServiceNowRejectedException extends ServiceNowException {
  public ServiceNowRejectedException(String message, int status, String detail) {
    super(message, status, detail, false, null);
  }
}

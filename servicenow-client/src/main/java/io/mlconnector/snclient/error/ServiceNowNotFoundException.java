package io.mlconnector.snclient.error;

/** 404: the record (or table) does not exist, or is not visible to the integration user. */
public class ServiceNowNotFoundException extends ServiceNowException {
  public ServiceNowNotFoundException(String message, String detail) {
    super(message, 404, detail, false, null);
  }
}

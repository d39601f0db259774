package io.mlconnector.snclient.error;

/** 403: the integration user lacks a role or an ACL denies the operation on that table. */
public class ServiceNowAccessDeniedException extends ServiceNowException {
  public ServiceNowAccessDeniedException(String message, String detail) {
    super(message, 403, detail, false, null);
  }
}

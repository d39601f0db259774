package io.mlconnector.qadclient;

import java.util.List;

/** QAD understood the request and refused it (HTTP 400/409/422) with field errors. */
public class QadRejectedException extends QadException {
  private final int status;
  private final List<FieldError> errors;

  public QadRejectedException(String tenant, int status, List<FieldError> errors) {
    super(tenant, "request rejected with HTTP " + status + ": " + errors, null);
    this.status = status;
    this.errors = List.copyOf(errors);
  }

  public int status() {
    return status;
  }

  public List<FieldError> errors() {
    return errors;
  }
}

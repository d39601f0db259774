package io.mlconnector.qadclient;

/** Base of every error the QAD client reports; messages never contain credentials. */
public class QadException extends RuntimeException {
  private final String tenant;

  public QadException(String tenant, String message, Throwable cause) {
    super("QAD tenant " + tenant + ": " + message, cause);
    this.tenant = tenant;
  }

  public String tenant() {
    return tenant;
  }
}

package io.mlconnector.qadclient;

/** The tenant's QAD settings cannot be used as given (URL scheme, host, entity path). */
public class QadConfigurationException extends QadException {
  public QadConfigurationException(String tenant, String message) {
    super(tenant, message, null);
  }
}

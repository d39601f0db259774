package io.mlconnector.qadclient;

/**
 * QAD answered with a body that is not the JSON it promised (an HTML maintenance page, a truncated
 * document). Treated as unavailability: it is retried and counts against the circuit breaker.
 */
public class QadMalformedResponseException extends QadUnavailableException {
  public QadMalformedResponseException(String tenant, String message) {
    super(tenant, message, null);
  }
}

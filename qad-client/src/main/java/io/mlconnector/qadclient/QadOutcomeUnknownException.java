package io.mlconnector.qadclient;

/**
 * A write (POST) whose outcome is unknown: it may have been applied although its answer was lost
 * (timeout, reset, 5xx, an unreadable 2xx). The transport never re-sends it; the caller looks the
 * record up in QAD before sending anything again. Transient like its parent.
 */
public class QadOutcomeUnknownException extends QadUnavailableException {
  public QadOutcomeUnknownException(String tenant, String message, Throwable cause) {
    super(tenant, message + " — outcome unknown, not re-sent; look the record up first", cause);
  }
}

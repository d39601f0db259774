package io.mlconnector.common.event;

/** An event that cannot be read: malformed JSON, a missing field or an unknown schema version. */
public class EnvelopeFormatException extends RuntimeException {
  public EnvelopeFormatException(String message) {
    super(message);
  }

  public EnvelopeFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}

package io.mlconnector.common.kafka;

/** Events were not acknowledged by the broker; nothing that depends on them may advance. */
public class PublishException extends RuntimeException {
  public PublishException(String message, Throwable cause) {
    super(message, cause);
  }
}

package io.mlconnector.common.crypto;

/** A credential key is missing or malformed, or a ciphertext does not decrypt. */
public class CryptoException extends RuntimeException {
  public CryptoException(String message) {
    super(message);
  }

  public CryptoException(String message, Throwable cause) {
    super(message, cause);
  }
}

package io.mlconnector.common.crypto;

/**
 * A secret at rest: which key encrypted it, the GCM nonce, and ciphertext with its tag.
 *
 * @param keyId id of the key in {@code MLC_CRYPTO_KEYS}
 */
public record EncryptedSecret(String keyId, byte[] nonce, byte[] ciphertext) {}

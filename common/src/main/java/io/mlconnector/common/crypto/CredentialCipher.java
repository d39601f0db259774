package io.mlconnector.common.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for tenant credentials. Keys come from the deployment ({@code MLC_CRYPTO_KEYS} =
 * {@code id:base64key[,id:base64key…]}, {@code MLC_CRYPTO_ACTIVE_KEY_ID}); new secrets use the
 * active key, old ones decrypt with the key their id names, which is what makes rotation possible.
 * The associated data binds a ciphertext to its tenant and name, so one tenant's ciphertext copied
 * onto another's row does not decrypt.
 */
@ApplicationScoped
public class CredentialCipher {
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final Map<String, SecretKey> keys;
  private final String activeKeyId;
  private final SecureRandom random = new SecureRandom();

  @Inject
  public CredentialCipher(CryptoConfig config) {
    this(config.keys(), config.activeKeyId());
  }

  /** With keys given directly (tools, tests). */
  public CredentialCipher(Optional<String> keys, Optional<String> activeKeyId) {
    this.keys = parseKeys(keys.orElse(""));
    this.activeKeyId = activeKeyId.orElse(null);
  }

  /** Whether a key is configured at all; services without one cannot read credentials. */
  public boolean configured() {
    return activeKeyId != null && keys.containsKey(activeKeyId);
  }

  public String activeKeyId() {
    requireConfigured();
    return activeKeyId;
  }

  public EncryptedSecret encrypt(String plaintext, String associatedData) {
    requireConfigured();
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    byte[] out =
        run(
            Cipher.ENCRYPT_MODE,
            keys.get(activeKeyId),
            nonce,
            associatedData,
            plaintext.getBytes(StandardCharsets.UTF_8));
    return new EncryptedSecret(activeKeyId, nonce, out);
  }

  public String decrypt(EncryptedSecret secret, String associatedData) {
    SecretKey key = keys.get(secret.keyId());
    if (key == null) {
      throw new CryptoException(
          "secret was encrypted with key '"
              + secret.keyId()
              + "', which is not in MLC_CRYPTO_KEYS (known: "
              + keys.keySet()
              + ")");
    }
    byte[] plain =
        run(Cipher.DECRYPT_MODE, key, secret.nonce(), associatedData, secret.ciphertext());
    return new String(plain, StandardCharsets.UTF_8);
  }

  private static byte[] run(int mode, SecretKey key, byte[] nonce, String aad, byte[] input) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
      return cipher.doFinal(input);
    } catch (GeneralSecurityException e) {
      throw new CryptoException("secret cannot be decrypted (wrong key or tampered data)", e);
    }
  }

  static Map<String, SecretKey> parseKeys(String spec) {
    Map<String, SecretKey> out = new LinkedHashMap<>();
    for (String entry : spec.split(",")) {
      if (entry.isBlank()) {
        continue;
      }
      int colon = entry.indexOf(':');
      if (colon <= 0) {
        throw new CryptoException("MLC_CRYPTO_KEYS entry must be id:base64key");
      }
      String id = entry.substring(0, colon).trim();
      byte[] raw;
      try {
        raw = Base64.getDecoder().decode(entry.substring(colon + 1).trim());
      } catch (IllegalArgumentException e) {
        throw new CryptoException("key '" + id + "' is not valid base64");
      }
      if (raw.length != 32) {
        throw new CryptoException(
            "key '" + id + "' is " + raw.length + " bytes; AES-256 needs exactly 32");
      }
      out.put(id, new SecretKeySpec(raw, "AES"));
    }
    return out;
  }

  private void requireConfigured() {
    if (!configured()) {
      throw new CryptoException(
          "no credential key: set MLC_CRYPTO_KEYS and MLC_CRYPTO_ACTIVE_KEY_ID (active id "
              + activeKeyId
              + ", known "
              + keys.keySet()
              + ")");
    }
  }
}

package io.mlconnector.common.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CredentialCipherTest {
  private static final String K1 = Base64.getEncoder().encodeToString(new byte[32]);
  private static final String K2 =
      Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

  private static CredentialCipher cipher(String keys, String active) {
    return new CredentialCipher(Optional.of(keys), Optional.of(active));
  }

  @Test
  void roundTripUsesActiveKeyAndNeverStoresPlaintext() {
    CredentialCipher c = cipher("k1:" + K1 + ",k2:" + K2, "k2");
    EncryptedSecret s = c.encrypt("s3cr3t-password", "acme|qad.password");
    assertThat(s.keyId()).isEqualTo("k2");
    assertThat(new String(s.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("s3cr3t");
    assertThat(c.decrypt(s, "acme|qad.password")).isEqualTo("s3cr3t-password");
  }

  @Test
  void sameSecretEncryptsDifferentlyEachTime() {
    CredentialCipher c = cipher("k1:" + K1, "k1");
    assertThat(c.encrypt("x", "a").ciphertext()).isNotEqualTo(c.encrypt("x", "a").ciphertext());
  }

  @Test
  void ciphertextMovedToAnotherTenantDoesNotDecrypt() {
    CredentialCipher c = cipher("k1:" + K1, "k1");
    EncryptedSecret s = c.encrypt("pw", "acme|qad.password");
    assertThatThrownBy(() -> c.decrypt(s, "globex|qad.password"))
        .isInstanceOf(CryptoException.class)
        .hasMessageContaining("cannot be decrypted");
  }

  @Test
  void oldKeyStillDecryptsAfterActiveKeyChanges() {
    EncryptedSecret old = cipher("k1:" + K1, "k1").encrypt("pw", "t|n");
    CredentialCipher rotated = cipher("k1:" + K1 + ",k2:" + K2, "k2");
    assertThat(rotated.decrypt(old, "t|n")).isEqualTo("pw");
    assertThatThrownBy(() -> cipher("k2:" + K2, "k2").decrypt(old, "t|n"))
        .hasMessageContaining("key 'k1', which is not in MLC_CRYPTO_KEYS");
  }

  @Test
  void badKeysAreRejectedClearly() {
    assertThatThrownBy(() -> cipher("k1:" + Base64.getEncoder().encodeToString(new byte[16]), "k1"))
        .hasMessageContaining("16 bytes; AES-256 needs exactly 32");
    assertThatThrownBy(() -> cipher("k1:not-base64!!", "k1"))
        .hasMessageContaining("not valid base64");
    assertThatThrownBy(() -> cipher("k1:" + K1, "k9").encrypt("x", "a"))
        .hasMessageContaining("no credential key");
  }
}

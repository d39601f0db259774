package io.mlconnector.common.crypto;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** The deployment's credential keys ({@code mlc.crypto.*}); see {@link CredentialCipher}. */
@ConfigMapping(prefix = "mlc.crypto")
public interface CryptoConfig {
  /**
   * {@code id:base64key[,id:base64key…]} (AES-256, {@code MLC_CRYPTO_KEYS}); absent in services
   * that read no credentials (the mapper).
   */
  Optional<String> keys();

  /** Id of the key new secrets are encrypted with ({@code MLC_CRYPTO_ACTIVE_KEY_ID}). */
  Optional<String> activeKeyId();
}

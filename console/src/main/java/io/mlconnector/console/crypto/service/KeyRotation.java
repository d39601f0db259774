package io.mlconnector.console.crypto.service;

import io.mlconnector.common.crypto.CredentialCipher;
import io.mlconnector.common.tenant.RegistryTenantDirectory;
import io.mlconnector.common.tenant.TenantRows;
import io.mlconnector.console.tenant.store.TenantSecretStore;
import io.mlconnector.console.tenant.store.TenantSecretStore.StoredSecret;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Re-encrypts every stored secret under the active key, in one transaction, so an old key can be
 * removed from {@code MLC_CRYPTO_KEYS} afterwards. Secrets already under the active key are left
 * alone, which makes a repeated call a no-op.
 */
@ApplicationScoped
public class KeyRotation {
  private static final Logger LOG = Logger.getLogger(KeyRotation.class);

  private final TenantSecretStore secrets;
  private final CredentialCipher cipher;
  private final RegistryTenantDirectory directory;

  public KeyRotation(
      TenantSecretStore secrets, CredentialCipher cipher, RegistryTenantDirectory directory) {
    this.secrets = secrets;
    this.cipher = cipher;
    this.directory = directory;
  }

  public RotationReport rotate() {
    String active = cipher.activeKeyId();
    RotationReport report =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  List<StoredSecret> stale = secrets.lockNotUnderKey(active);
                  for (StoredSecret s : stale) {
                    String aad = TenantRows.associatedData(s.tenant(), s.name());
                    String plain = cipher.decrypt(s.secret(), aad);
                    secrets.put(s.tenant(), s.name(), cipher.encrypt(plain, aad));
                  }
                  return new RotationReport(
                      active, stale.size(), List.copyOf(secrets.keyIdsInUse()));
                });
    directory.invalidate();
    LOG.infof(
        "re-encrypted %d secrets under key %s; key ids in use: %s",
        report.reEncrypted(), active, report.keyIdsInUse());
    return report;
  }
}

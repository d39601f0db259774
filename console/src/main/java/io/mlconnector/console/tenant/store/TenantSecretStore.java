package io.mlconnector.console.tenant.store;

import io.mlconnector.common.crypto.EncryptedSecret;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The {@code tenant_secret} table ({@link TenantSecretEntity}): ciphertexts only; plaintext never
 * reaches this class. Writes join the caller's transaction.
 */
@ApplicationScoped
public class TenantSecretStore {
  /** A stored secret with the row it belongs to. */
  public record StoredSecret(String tenant, String name, EncryptedSecret secret) {}

  /**
   * Stores or replaces one secret. The tenant's row is locked first, so two changes of one tenant's
   * secrets wait for each other instead of both inserting.
   */
  public void put(String tenant, String name, EncryptedSecret s) {
    TenantEntity.findById(tenant, LockModeType.PESSIMISTIC_WRITE);
    TenantSecretEntity row = TenantSecretEntity.findById(new TenantSecretEntity.Key(tenant, name));
    if (row == null) {
      row = new TenantSecretEntity();
      row.tenant = tenant;
      row.name = name;
    }
    row.keyId = s.keyId();
    row.nonce = s.nonce();
    row.ciphertext = s.ciphertext();
    row.updatedAt = OffsetDateTime.now();
    row.persist();
  }

  /** Removes one secret; false when there was none. */
  public boolean remove(String tenant, String name) {
    return TenantSecretEntity.deleteById(new TenantSecretEntity.Key(tenant, name));
  }

  /** Key id per secret name, by tenant: what the API may show about secrets. */
  public Map<String, Map<String, String>> keyIdsByTenant() {
    Map<String, Map<String, String>> out = new HashMap<>();
    TenantSecretEntity.<TenantSecretEntity>listAll()
        .forEach(s -> out.computeIfAbsent(s.tenant, k -> new HashMap<>()).put(s.name, s.keyId));
    return out;
  }

  /** Secrets not encrypted under {@code keyId}, locked until the transaction ends. */
  public List<StoredSecret> lockNotUnderKey(String keyId) {
    return TenantSecretEntity.<TenantSecretEntity>find("keyId <> ?1 order by tenant, name", keyId)
        .withLock(LockModeType.PESSIMISTIC_WRITE)
        .stream()
        .map(s -> new StoredSecret(s.tenant, s.name, s.secret()))
        .toList();
  }

  public TreeSet<String> keyIdsInUse() {
    TreeSet<String> out = new TreeSet<>();
    TenantSecretEntity.<TenantSecretEntity>listAll().forEach(s -> out.add(s.keyId));
    return out;
  }
}

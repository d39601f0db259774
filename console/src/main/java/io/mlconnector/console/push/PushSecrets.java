package io.mlconnector.console.push;

import io.mlconnector.common.crypto.CredentialCipher;
import io.mlconnector.common.http.ApiException;
import io.mlconnector.common.tenant.RegistryTenantDirectory;
import io.mlconnector.common.tenant.TenantRows;
import io.mlconnector.console.tenant.store.TenantSecretStore;
import io.mlconnector.console.tenant.store.TenantStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * A tenant's push secret: generated here (32 random bytes, Base64, the form ServiceNow's {@code
 * generateMac} takes as key), stored encrypted beside the tenant's other secrets, shown once.
 * Generating again rotates it: the old one stops working as soon as the pollers' registry cache
 * renews (a few seconds); notifications signed with it in between are refused, and the next
 * scheduled poll reads those changes anyway.
 */
@ApplicationScoped
public class PushSecrets {
  private static final Logger LOG = Logger.getLogger(PushSecrets.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A new secret, the only time it is ever returned. */
  public record Generated(String tenant, String secret, String keyId, String notifyPath) {}

  /** Whether push is configured, never the secret. */
  public record Status(String tenant, boolean configured, String keyId, String notifyPath) {}

  private final TenantStore tenants;
  private final TenantSecretStore secrets;
  private final CredentialCipher cipher;
  private final RegistryTenantDirectory directory;

  public PushSecrets(
      TenantStore tenants,
      TenantSecretStore secrets,
      CredentialCipher cipher,
      RegistryTenantDirectory directory) {
    this.tenants = tenants;
    this.secrets = secrets;
    this.cipher = cipher;
    this.directory = directory;
  }

  public Generated generate(String tenant) {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    String secret = Base64.getEncoder().encodeToString(key);
    String name = TenantRows.SN_PUSH_SECRET;
    String keyId =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  requireTenant(tenant);
                  var encrypted = cipher.encrypt(secret, TenantRows.associatedData(tenant, name));
                  secrets.put(tenant, name, encrypted);
                  return encrypted.keyId();
                });
    directory.invalidate();
    LOG.infof("push secret of tenant %s generated (key id %s)", tenant, keyId);
    return new Generated(tenant, secret, keyId, notifyPath(tenant));
  }

  public Status status(String tenant) {
    requireTenant(tenant);
    String keyId =
        secrets.keyIdsByTenant().getOrDefault(tenant, Map.of()).get(TenantRows.SN_PUSH_SECRET);
    return new Status(tenant, keyId != null, keyId, notifyPath(tenant));
  }

  public void remove(String tenant) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              requireTenant(tenant);
              secrets.remove(tenant, TenantRows.SN_PUSH_SECRET);
            });
    directory.invalidate();
    LOG.infof("push secret of tenant %s removed: polling only", tenant);
  }

  private void requireTenant(String tenant) {
    if (tenants.find(tenant).isEmpty()) {
      throw new ApiException(
          404,
          "tenant-not-found",
          "tenant '" + tenant + "' not found",
          "GET /tenants lists the tenants");
    }
  }

  private static String notifyPath(String tenant) {
    return "/notify/" + tenant;
  }
}

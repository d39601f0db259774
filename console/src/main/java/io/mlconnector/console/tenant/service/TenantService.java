package io.mlconnector.console.tenant.service;

import io.mlconnector.common.crypto.CredentialCipher;
import io.mlconnector.common.http.ApiException;
import io.mlconnector.common.tenant.RegistryTenantDirectory;
import io.mlconnector.common.tenant.TenantRows;
import io.mlconnector.console.tenant.rest.TenantRequest;
import io.mlconnector.console.tenant.rest.TenantView;
import io.mlconnector.console.tenant.store.TenantRow;
import io.mlconnector.console.tenant.store.TenantSecretStore;
import io.mlconnector.console.tenant.store.TenantStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Registers and changes tenants. Each change is one transaction over the tenant row and its
 * encrypted secrets; after the commit this JVM's {@link RegistryTenantDirectory} cache is dropped
 * (other services see the change within their cache lifetime).
 */
@ApplicationScoped
public class TenantService {
  private static final Logger LOG = Logger.getLogger(TenantService.class);

  private final TenantValidator validator;
  private final TenantStore tenants;
  private final TenantSecretStore secrets;
  private final CredentialCipher cipher;
  private final RegistryTenantDirectory directory;

  public TenantService(
      TenantValidator validator,
      TenantStore tenants,
      TenantSecretStore secrets,
      CredentialCipher cipher,
      RegistryTenantDirectory directory) {
    this.validator = validator;
    this.tenants = tenants;
    this.secrets = secrets;
    this.cipher = cipher;
    this.directory = directory;
  }

  public TenantView create(TenantRequest request) {
    String id = request == null ? null : request.id();
    TenantDraft draft = validator.validateNew(id, request);
    TenantView view =
        write(
            () -> {
              if (!tenants.insert(draft.row())) {
                throw new ApiException(
                    409,
                    "tenant-exists",
                    "tenant '" + id + "' already exists",
                    "choose another id, or PUT /tenants/" + id + " to change it");
              }
              storeSecrets(draft);
              return view(id);
            });
    LOG.infof("tenant %s created", id);
    return view;
  }

  public TenantView update(String id, TenantRequest request) {
    if (request != null && request.id() != null && !request.id().equals(id)) {
      throw ApiException.badRequest(
          "body id '" + request.id() + "' differs from path id '" + id + "'",
          "ids cannot change: omit the body id or create a new tenant");
    }
    TenantView view =
        write(
            () -> {
              TenantRow current = tenants.find(id).orElseThrow(() -> notFound(id));
              TenantDraft draft = validator.validate(id, request, current.enabled());
              SecretsFollowHosts.check(current, draft);
              tenants.replace(draft.row());
              storeSecrets(draft);
              return view(id);
            });
    LOG.infof("tenant %s updated", id);
    return view;
  }

  public TenantView setEnabled(String id, boolean enabled) {
    TenantView view =
        write(
            () -> {
              if (!tenants.setEnabled(id, enabled)) {
                throw notFound(id);
              }
              return view(id);
            });
    LOG.infof("tenant %s %s", id, enabled ? "enabled" : "disabled");
    return view;
  }

  public void delete(String id) {
    write(
        () -> {
          if (!tenants.delete(id)) {
            throw notFound(id);
          }
          return null;
        });
    LOG.infof("tenant %s deleted", id);
  }

  public TenantView get(String id) {
    return view(id);
  }

  public List<TenantView> list() {
    Map<String, Map<String, String>> keyIds = secrets.keyIdsByTenant();
    return tenants.findAll().stream()
        .map(row -> TenantView.of(row, keyIds.getOrDefault(row.id(), Map.of())))
        .toList();
  }

  private TenantView view(String id) {
    TenantRow row = tenants.find(id).orElseThrow(() -> notFound(id));
    return TenantView.of(row, secrets.keyIdsByTenant().getOrDefault(id, Map.of()));
  }

  private void storeSecrets(TenantDraft draft) {
    String id = draft.row().id();
    put(id, TenantRows.QAD_PASSWORD, draft.qadPassword());
    put(id, TenantRows.SN_CLIENT_SECRET, draft.snClientSecret());
  }

  private void put(String tenant, String name, String plaintext) {
    if (plaintext != null) { // Absent: keep what is stored.
      secrets.put(tenant, name, cipher.encrypt(plaintext, TenantRows.associatedData(tenant, name)));
    }
  }

  private <T> T write(Supplier<T> change) {
    T result = QuarkusTransaction.requiringNew().call(change::get);
    directory.invalidate();
    return result;
  }

  private static ApiException notFound(String id) {
    return new ApiException(
        404, "tenant-not-found", "tenant '" + id + "' not found", "GET /tenants lists the tenants");
  }
}

package io.mlconnector.common.tenant;

import io.mlconnector.common.crypto.CredentialCipher;
import io.mlconnector.common.crypto.EncryptedSecret;
import io.mlconnector.common.tenant.TenantRows.TenantRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Reads the registry tables the console owns (schema {@link TenantRegistryConfig#schema()}, default
 * {@code console}) and decrypts credentials with the deployment's key. Rows are re-read every few
 * seconds (a tenant added or disabled in the console takes effect without a redeploy); each tenant
 * is parsed and decrypted only when used, and again only when its row changed. A tenant whose row
 * cannot be used (a secret that does not decrypt, a malformed schedule) fails alone: {@link #find}
 * throws for it, {@link #enabledTenants} leaves it out with a log line, every other tenant works.
 */
@ApplicationScoped
public class RegistryTenantDirectory implements TenantDirectory {
  private static final Logger LOG = Logger.getLogger(RegistryTenantDirectory.class);
  private static final Duration CACHE_TTL = Duration.ofSeconds(5);

  /** How long an id the registry did not know stays unknown before the registry is asked again. */
  static final Duration UNKNOWN_TTL = Duration.ofSeconds(2);

  private final Supplier<Map<String, TenantRow>> rows;
  private final CredentialCipher cipher;
  private final Map<String, Built> built = new ConcurrentHashMap<>();
  private final Map<String, Long> unknownUntil = new ConcurrentHashMap<>();
  private volatile Snapshot snapshot;

  private record Snapshot(long loadedAtNanos, Map<String, TenantRow> rows) {}

  /** A row and what it made: the tenant, or why it cannot be used. */
  private record Built(TenantRow row, Tenant tenant, String error) {}

  @Inject
  public RegistryTenantDirectory(
      DataSource dataSource, CredentialCipher cipher, TenantRegistryConfig config) {
    this(dataSource, cipher, config.schema());
  }

  /** On a given schema (tools, tests). */
  public RegistryTenantDirectory(DataSource dataSource, CredentialCipher cipher, String schema) {
    this(new RegistryRows(dataSource, schema), cipher);
  }

  RegistryTenantDirectory(Supplier<Map<String, TenantRow>> rows, CredentialCipher cipher) {
    this.rows = rows;
    this.cipher = cipher;
  }

  @Override
  public List<Tenant> enabledTenants() {
    List<Tenant> out = new ArrayList<>();
    for (TenantRow row : current(CACHE_TTL).rows().values()) {
      if (row.enabled()) {
        Built b = build(row);
        if (b.tenant() != null) {
          out.add(b.tenant());
        }
      }
    }
    return out;
  }

  /**
   * One tenant. An id the cache does not know triggers a reload (a tenant registered a moment ago
   * is not mistaken for an unknown one), at most once per {@link #UNKNOWN_TTL} for the same id, so
   * a stream of events of a deleted tenant does not reload the registry for each event.
   *
   * @throws IllegalStateException if the tenant is registered but its row cannot be used
   */
  @Override
  public Optional<Tenant> find(String id) {
    TenantRow row = current(CACHE_TTL).rows().get(id);
    if (row == null) {
      Long until = unknownUntil.get(id);
      if (until != null && System.nanoTime() - until < 0) {
        return Optional.empty();
      }
      row = current(Duration.ZERO).rows().get(id);
      if (row == null) {
        unknownUntil.put(id, System.nanoTime() + UNKNOWN_TTL.toNanos());
        return Optional.empty();
      }
    }
    unknownUntil.remove(id);
    Built b = build(row);
    if (b.tenant() == null) {
      throw new IllegalStateException("tenant " + id + " cannot be used: " + b.error());
    }
    return Optional.of(b.tenant());
  }

  private Built build(TenantRow row) {
    Built known = built.get(row.id());
    if (known != null && sameRow(known.row(), row)) {
      return known;
    }
    Built fresh;
    try {
      fresh = new Built(row, TenantRows.toTenant(row, cipher), null);
    } catch (RuntimeException e) {
      LOG.errorf("tenant %s in the registry cannot be used: %s", row.id(), e.getMessage());
      fresh = new Built(row, null, e.getMessage());
    }
    built.put(row.id(), fresh);
    return fresh;
  }

  /** Rows equal column by column; secrets by their bytes. */
  private static boolean sameRow(TenantRow a, TenantRow b) {
    TenantRow aWithout = withoutSecrets(a);
    if (!aWithout.equals(withoutSecrets(b)) || !a.secrets().keySet().equals(b.secrets().keySet())) {
      return false;
    }
    for (Map.Entry<String, EncryptedSecret> e : a.secrets().entrySet()) {
      EncryptedSecret other = b.secrets().get(e.getKey());
      if (!e.getValue().keyId().equals(other.keyId())
          || !Arrays.equals(e.getValue().nonce(), other.nonce())
          || !Arrays.equals(e.getValue().ciphertext(), other.ciphertext())) {
        return false;
      }
    }
    return true;
  }

  private static TenantRow withoutSecrets(TenantRow r) {
    return new TenantRow(
        r.id(),
        r.displayName(),
        r.enabled(),
        r.qadBaseUrl(),
        r.qadWorkspace(),
        r.qadClientId(),
        r.qadUsername(),
        r.snInstanceUrl(),
        r.snClientId(),
        r.snBatchApi(),
        r.schedules(),
        r.mappingOverrides(),
        r.sandbox(),
        r.allowPrivateNetwork(),
        Map.of());
  }

  private Snapshot current(Duration maxAge) {
    Snapshot s = snapshot;
    if (s == null || System.nanoTime() - s.loadedAtNanos() > maxAge.toNanos()) {
      s = new Snapshot(System.nanoTime(), rows.get());
      snapshot = s;
    }
    return s;
  }

  /** Forgets the cache, e.g. right after the console changed a tenant in this JVM. */
  public void invalidate() {
    snapshot = null;
    unknownUntil.clear();
  }
}

package io.mlconnector.common.tenant;

import io.mlconnector.common.crypto.CredentialCipher;
import io.mlconnector.common.crypto.EncryptedSecret;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads the registry tables the console owns (schema {@code mlc.tenant-registry.schema}, default
 * {@code console}) and decrypts credentials with the deployment's key. Results are cached for a few
 * seconds: enough to spare the database on every poll, short enough that a tenant added or disabled
 * in the console takes effect without a redeploy.
 */
@ApplicationScoped
public class RegistryTenantDirectory implements TenantDirectory {
  private static final Duration CACHE_TTL = Duration.ofSeconds(5);

  private final DataSource dataSource;
  private final CredentialCipher cipher;
  private final String schema;
  private volatile Snapshot snapshot;

  private record Snapshot(long loadedAtNanos, Map<String, Tenant> tenants) {}

  public RegistryTenantDirectory(
      DataSource dataSource,
      CredentialCipher cipher,
      @ConfigProperty(name = "mlc.tenant-registry.schema", defaultValue = "console")
          String schema) {
    this.dataSource = dataSource;
    this.cipher = cipher;
    this.schema = requireIdentifier(schema);
  }

  @Override
  public List<Tenant> enabledTenants() {
    return current().tenants().values().stream().filter(Tenant::enabled).toList();
  }

  /**
   * One tenant. An id the cache does not know triggers a reload, so events of a tenant registered a
   * moment ago are not mistaken for events of an unknown tenant (such events are rare: only a
   * deleted tenant's stragglers pay the extra query).
   */
  @Override
  public Optional<Tenant> find(String id) {
    Tenant found = current(CACHE_TTL).tenants().get(id);
    if (found == null) {
      found = current(Duration.ZERO).tenants().get(id);
    }
    return Optional.ofNullable(found);
  }

  private Snapshot current() {
    return current(CACHE_TTL);
  }

  private Snapshot current(Duration maxAge) {
    Snapshot s = snapshot;
    if (s == null || System.nanoTime() - s.loadedAtNanos() > maxAge.toNanos()) {
      s = new Snapshot(System.nanoTime(), load());
      snapshot = s;
    }
    return s;
  }

  private Map<String, Tenant> load() {
    try (Connection c = dataSource.getConnection()) {
      Map<String, Map<String, EncryptedSecret>> secrets = loadSecrets(c);
      Map<String, Tenant> out = new HashMap<>();
      try (PreparedStatement ps = c.prepareStatement("select * from " + schema + ".tenant");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String id = rs.getString("id");
          out.put(id, TenantRows.toTenant(rs, secrets.getOrDefault(id, Map.of()), cipher));
        }
      }
      return out;
    } catch (SQLException e) {
      if ("42P01".equals(e.getSQLState())) {
        return Map.of(); // The console has not created the registry yet: no tenants.
      }
      throw new IllegalStateException("cannot read the tenant registry", e);
    }
  }

  private Map<String, Map<String, EncryptedSecret>> loadSecrets(Connection c) throws SQLException {
    Map<String, Map<String, EncryptedSecret>> out = new HashMap<>();
    String sql = "select tenant, name, key_id, nonce, ciphertext from " + schema + ".tenant_secret";
    // A service whose database role may not read the secrets (the mapper: least privilege) sees
    // tenants without credentials; it has no key to decrypt them anyway.
    if (!canRead(c, schema + ".tenant_secret")) {
      return out;
    }
    try (PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.computeIfAbsent(rs.getString("tenant"), k -> new HashMap<>())
            .put(
                rs.getString("name"),
                new EncryptedSecret(
                    rs.getString("key_id"), rs.getBytes("nonce"), rs.getBytes("ciphertext")));
      }
    }
    return out;
  }

  private static boolean canRead(Connection c, String table) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select to_regclass(?) is null or has_table_privilege(to_regclass(?), 'SELECT')")) {
      ps.setString(1, table);
      ps.setString(2, table);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }

  /** Forgets the cache, e.g. right after the console changed a tenant in this JVM. */
  public void invalidate() {
    snapshot = null;
  }

  private static String requireIdentifier(String s) {
    if (!s.matches("[a-z_][a-z0-9_]*")) {
      throw new IllegalArgumentException("invalid schema name: " + s);
    }
    return s;
  }
}

package io.mlconnector.common.tenant;

import io.mlconnector.common.crypto.EncryptedSecret;
import io.mlconnector.common.tenant.TenantRows.TenantRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;

/** Reads the registry tables the console owns, as stored (nothing decrypted). */
final class RegistryRows implements Supplier<Map<String, TenantRow>> {
  private final DataSource dataSource;
  private final String schema;

  RegistryRows(DataSource dataSource, String schema) {
    this.dataSource = dataSource;
    this.schema = requireIdentifier(schema);
  }

  @Override
  public Map<String, TenantRow> get() {
    try (Connection c = dataSource.getConnection()) {
      Map<String, Map<String, EncryptedSecret>> secrets = loadSecrets(c);
      Map<String, TenantRow> out = new HashMap<>();
      try (PreparedStatement ps = c.prepareStatement("select * from " + schema + ".tenant");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String id = rs.getString("id");
          out.put(id, TenantRows.read(rs, secrets.getOrDefault(id, Map.of())));
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

  private static String requireIdentifier(String s) {
    if (!s.matches("[a-z_][a-z0-9_]*")) {
      throw new IllegalArgumentException("invalid schema name: " + s);
    }
    return s;
  }
}

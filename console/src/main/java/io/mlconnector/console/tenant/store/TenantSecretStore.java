package io.mlconnector.console.tenant.store;

import io.mlconnector.common.crypto.EncryptedSecret;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * The {@code tenant_secret} table: ciphertexts only; plaintext never reaches this class. Joins
 * caller transactions.
 */
@ApplicationScoped
public class TenantSecretStore {
  /** A stored secret with the row it belongs to. */
  public record StoredSecret(String tenant, String name, EncryptedSecret secret) {}

  private final DataSource dataSource;

  public TenantSecretStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public void put(String tenant, String name, EncryptedSecret s) {
    String sql =
        "insert into tenant_secret (tenant, name, key_id, nonce, ciphertext) values (?,?,?,?,?)"
            + " on conflict (tenant, name) do update set key_id = excluded.key_id,"
            + " nonce = excluded.nonce, ciphertext = excluded.ciphertext, updated_at = now()";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, tenant);
      ps.setString(2, name);
      ps.setString(3, s.keyId());
      ps.setBytes(4, s.nonce());
      ps.setBytes(5, s.ciphertext());
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot store a tenant secret: " + e.getMessage(), e);
    }
  }

  /** Removes one secret; false when there was none. */
  public boolean remove(String tenant, String name) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("delete from tenant_secret where tenant = ? and name = ?")) {
      ps.setString(1, tenant);
      ps.setString(2, name);
      return ps.executeUpdate() > 0;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot remove a tenant secret: " + e.getMessage(), e);
    }
  }

  /** Key id per secret name, by tenant: what the API may show about secrets. */
  public Map<String, Map<String, String>> keyIdsByTenant() {
    Map<String, Map<String, String>> out = new HashMap<>();
    String sql = "select tenant, name, key_id from tenant_secret";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
            .put(rs.getString(2), rs.getString(3));
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read tenant secrets: " + e.getMessage(), e);
    }
  }

  /** Secrets not encrypted under {@code keyId}, locked until the transaction ends. */
  public List<StoredSecret> lockNotUnderKey(String keyId) {
    String sql =
        "select tenant, name, key_id, nonce, ciphertext from tenant_secret where key_id <> ?"
            + " order by tenant, name for update";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, keyId);
      List<StoredSecret> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new StoredSecret(
                  rs.getString(1),
                  rs.getString(2),
                  new EncryptedSecret(rs.getString(3), rs.getBytes(4), rs.getBytes(5))));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read tenant secrets: " + e.getMessage(), e);
    }
  }

  public TreeSet<String> keyIdsInUse() {
    TreeSet<String> out = new TreeSet<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("select distinct key_id from tenant_secret");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read tenant secrets: " + e.getMessage(), e);
    }
  }
}

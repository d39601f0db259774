package io.mlconnector.common.tenant;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlconnector.common.crypto.CredentialCipher;
import io.mlconnector.common.crypto.EncryptedSecret;
import java.io.IOException;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Maps registry rows to {@link Tenant}; the one place that knows the registry's columns. */
public final class TenantRows {
  /** Secret names in {@code tenant_secret}. */
  public static final String QAD_PASSWORD = "qad.password";

  public static final String SN_CLIENT_SECRET = "servicenow.client-secret";

  /** The shared secret of push notifications (optional; set and rotated by the console). */
  public static final String SN_PUSH_SECRET = "servicenow.push-secret";

  public static final List<String> SECRET_NAMES =
      List.of(QAD_PASSWORD, SN_CLIENT_SECRET, SN_PUSH_SECRET);

  private static final ObjectMapper JSON = new ObjectMapper();

  private TenantRows() {}

  /** Associated data binding a ciphertext to its tenant and secret name. */
  public static String associatedData(String tenant, String secretName) {
    return tenant + "|" + secretName;
  }

  /**
   * One registry row as stored: nothing parsed or decrypted yet, so a broken value fails only its
   * own tenant, and only when that tenant is used.
   */
  public record TenantRow(
      String id,
      String displayName,
      boolean enabled,
      String qadBaseUrl,
      String qadWorkspace,
      String qadClientId,
      String qadUsername,
      String snInstanceUrl,
      String snClientId,
      boolean snBatchApi,
      String schedules,
      String mappingOverrides,
      boolean sandbox,
      boolean allowPrivateNetwork,
      Map<String, EncryptedSecret> secrets) {}

  /** Reads the current row of {@code rs} (a {@code select *} of the tenant table). */
  static TenantRow read(ResultSet rs, Map<String, EncryptedSecret> secrets) throws SQLException {
    return new TenantRow(
        rs.getString("id"),
        rs.getString("display_name"),
        rs.getBoolean("enabled"),
        rs.getString("qad_base_url"),
        rs.getString("qad_workspace"),
        rs.getString("qad_client_id"),
        rs.getString("qad_username"),
        rs.getString("sn_instance_url"),
        rs.getString("sn_client_id"),
        rs.getBoolean("sn_batch_api"),
        rs.getString("schedules"),
        rs.getString("mapping_overrides"),
        rs.getBoolean("sandbox"),
        rs.getBoolean("allow_private_network"),
        Map.copyOf(secrets));
  }

  /**
   * Parses and decrypts one row.
   *
   * @throws RuntimeException naming what is wrong with this tenant's row
   */
  static Tenant toTenant(TenantRow row, CredentialCipher c) {
    String id = row.id();
    return new Tenant(
        id,
        row.displayName(),
        row.enabled(),
        new Tenant.Qad(
            URI.create(row.qadBaseUrl()),
            row.qadWorkspace(),
            row.qadClientId(),
            row.qadUsername(),
            reveal(id, QAD_PASSWORD, row.secrets(), c)),
        new Tenant.ServiceNow(
            URI.create(row.snInstanceUrl()),
            row.snClientId(),
            reveal(id, SN_CLIENT_SECRET, row.secrets(), c),
            row.snBatchApi(),
            reveal(id, SN_PUSH_SECRET, row.secrets(), c)),
        parseSchedules(row.schedules()),
        parseMap(row.mappingOverrides()),
        row.sandbox(),
        row.allowPrivateNetwork());
  }

  private static Secret reveal(
      String tenant, String name, Map<String, EncryptedSecret> secrets, CredentialCipher c) {
    EncryptedSecret s = secrets.get(name);
    // Services without the key (the mapper) see the tenant without its credentials.
    if (s == null || !c.configured()) {
      return null;
    }
    try {
      return new Secret(c.decrypt(s, associatedData(tenant, name)));
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "cannot decrypt " + name + " (key id " + s.keyId() + "): " + e.getMessage(), e);
    }
  }

  /** Schedules are stored as {@code {"qad.purchase-orders":"PT5M"}}. */
  public static Map<String, Duration> parseSchedules(String json) {
    Map<String, Duration> out = new LinkedHashMap<>();
    parseMap(json).forEach((k, v) -> out.put(k, Duration.parse(v)));
    return out;
  }

  public static Map<String, String> parseMap(String json) {
    try {
      return json == null || json.isBlank()
          ? Map.of()
          : JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() {});
    } catch (IOException e) {
      throw new IllegalStateException("registry holds malformed JSON: " + e.getMessage(), e);
    }
  }
}

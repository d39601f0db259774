package io.mlconnector.stack;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlconnector.common.crypto.CredentialCipher;
import io.mlconnector.common.crypto.EncryptedSecret;
import io.mlconnector.common.tenant.Secret;
import io.mlconnector.common.tenant.Tenant;
import io.mlconnector.common.tenant.TenantRows;
import io.mlconnector.sandbox.SandboxTenant;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Writes tenants into a registry schema of the test's own (never the console's), so a service's
 * tests can run their real {@code RegistryTenantDirectory} without the console. Point the service
 * at it with {@code mlc.tenant-registry.schema} and the {@link #CRYPTO_KEYS} below.
 */
public final class TenantFixtures {
  /** A fixed test key; never used outside tests. */
  public static final String CRYPTO_KEY_ID = "test";

  public static final String CRYPTO_KEYS =
      CRYPTO_KEY_ID + ":" + Base64.getEncoder().encodeToString(new byte[32]);

  private static final String DDL = "db/tenant-registry/V1_1__tenant_registry.sql";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final StackEndpoints stack;
  private final String schema;
  private final CredentialCipher cipher =
      new CredentialCipher(Optional.of(CRYPTO_KEYS), Optional.of(CRYPTO_KEY_ID));

  public TenantFixtures(StackEndpoints stack, String schema) {
    this.stack = stack;
    this.schema = schema;
  }

  /** Quarkus settings pointing a service at this registry schema. */
  public Map<String, String> quarkusConfig() {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("mlc.tenant-registry.schema", schema);
    config.put("mlc.crypto.keys", CRYPTO_KEYS);
    config.put("mlc.crypto.active-key-id", CRYPTO_KEY_ID);
    return config;
  }

  /** Creates the schema and its tables if missing. */
  public TenantFixtures install() throws SQLException, IOException {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("create schema if not exists " + schema);
      boolean exists =
          s.executeQuery(
                  "select 1 from information_schema.tables where table_schema = '"
                      + schema
                      + "' and table_name = 'tenant'")
              .next();
      if (!exists) {
        s.execute("set search_path to " + schema);
        s.execute(readDdl());
      }
    }
    return this;
  }

  /** Inserts or replaces a tenant with its encrypted secrets. */
  public void put(Tenant t) throws SQLException, IOException {
    try (Connection c = connect()) {
      c.setAutoCommit(false);
      delete(c, t.id());
      insertTenant(c, t);
      if (t.qad().password() != null) {
        insertSecret(c, t.id(), TenantRows.QAD_PASSWORD, t.qad().password().reveal());
      }
      if (t.servicenow().clientSecret() != null) {
        insertSecret(
            c, t.id(), TenantRows.SN_CLIENT_SECRET, t.servicenow().clientSecret().reveal());
      }
      if (t.servicenow().pushSecret() != null) {
        insertSecret(c, t.id(), TenantRows.SN_PUSH_SECRET, t.servicenow().pushSecret().reveal());
      }
      c.commit();
    }
  }

  private void insertTenant(Connection c, Tenant t) throws SQLException, IOException {
    String sql =
        "insert into "
            + schema
            + ".tenant (id, display_name, enabled, qad_base_url, qad_workspace, qad_client_id,"
            + " qad_username, sn_instance_url, sn_client_id, sn_batch_api, sandbox,"
            + " allow_private_network, schedules, mapping_overrides)"
            + " values (?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    Map<String, String> schedules = new LinkedHashMap<>();
    t.schedules().forEach((k, v) -> schedules.put(k, v.toString()));
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, t.id());
      ps.setString(2, t.displayName());
      ps.setBoolean(3, t.enabled());
      ps.setString(4, t.qad().baseUrl().toString());
      ps.setString(5, t.qad().workspace());
      ps.setString(6, t.qad().clientId());
      ps.setString(7, t.qad().username());
      ps.setString(8, t.servicenow().instanceUrl().toString());
      ps.setString(9, t.servicenow().clientId());
      ps.setBoolean(10, t.servicenow().batchApi());
      ps.setBoolean(11, t.sandbox());
      ps.setBoolean(12, t.allowPrivateNetwork());
      ps.setString(13, JSON.writeValueAsString(schedules));
      ps.setString(14, JSON.writeValueAsString(t.mappingOverrides()));
      ps.executeUpdate();
    }
  }

  private void insertSecret(Connection c, String tenant, String name, String value)
      throws SQLException {
    EncryptedSecret e = cipher.encrypt(value, TenantRows.associatedData(tenant, name));
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into "
                + schema
                + ".tenant_secret (tenant, name, key_id, nonce, ciphertext) values (?,?,?,?,?)")) {
      ps.setString(1, tenant);
      ps.setString(2, name);
      ps.setString(3, e.keyId());
      ps.setBytes(4, e.nonce());
      ps.setBytes(5, e.ciphertext());
      ps.executeUpdate();
    }
  }

  /** The registry entry of a sandbox tenant (sandbox mode on, so loopback http is allowed). */
  public static Tenant sandboxTenant(SandboxTenant t, boolean batchApi) {
    return sandboxTenant(t, batchApi, null);
  }

  /** The same, with the push secret its ServiceNow Business Rule signs with (null: none). */
  public static Tenant sandboxTenant(SandboxTenant t, boolean batchApi, String pushSecret) {
    return new Tenant(
        t.id(),
        "Sandbox " + t.id(),
        true,
        new Tenant.Qad(
            URI.create(t.qad().tenantUrl()),
            t.qad().workspace(),
            t.qad().clientId(),
            t.qad().username(),
            new Secret(t.qad().password())),
        new Tenant.ServiceNow(
            URI.create(t.servicenow().instanceUrl()),
            t.servicenow().clientId(),
            new Secret(t.servicenow().clientSecret()),
            batchApi,
            pushSecret == null ? null : new Secret(pushSecret)),
        Map.of(),
        Map.of(),
        true,
        false);
  }

  /** Removes a tenant (and its secrets). */
  public void remove(String tenant) throws SQLException {
    try (Connection c = connect()) {
      delete(c, tenant);
    }
  }

  private void delete(Connection c, String tenant) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("delete from " + schema + ".tenant where id = ?")) {
      ps.setString(1, tenant);
      ps.executeUpdate();
    }
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(stack.jdbcUrl(), stack.jdbcUser(), stack.jdbcPassword());
  }

  private static String readDdl() throws IOException {
    try (InputStream in = TenantFixtures.class.getClassLoader().getResourceAsStream(DDL)) {
      if (in == null) {
        throw new IOException(DDL + " not on the classpath (it ships in the common module)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}

package io.mlconnector.console.crypto;

import static io.mlconnector.console.ConsoleApi.authorized;
import static io.mlconnector.console.ConsoleApi.tenant;
import static io.mlconnector.console.ConsoleApi.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import io.mlconnector.common.crypto.CredentialCipher;
import io.mlconnector.common.tenant.RegistryTenantDirectory;
import io.mlconnector.common.tenant.Tenant;
import io.mlconnector.console.crypto.service.KeyRotation;
import io.mlconnector.console.crypto.service.RotationReport;
import io.mlconnector.console.tenant.store.TenantSecretStore;
import io.mlconnector.stack.StackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The application runs with keys a (active) and b. The test plays the rotation procedure: a console
 * restarted with b active (built here from the same beans' parts) rotates a→b; then the running
 * console (a active) rotates everything back through the API.
 */
@QuarkusTest
@QuarkusTestResource(StackResource.class)
class KeyRotationTest {
  @Inject DataSource dataSource;
  @Inject RegistryTenantDirectory directory;

  @ConfigProperty(name = "mlc.crypto.keys")
  String keys;

  @Test
  void rotationMovesEverySecretToTheActiveKeyAndStaysReadable() throws Exception {
    String id = uniqueId("rotate");
    authorized()
        .body(tenant(id, "pw-rotate-qad", "sn-rotate"))
        .post("/tenants")
        .then()
        .statusCode(201);
    assertThat(keyIdsOf(id)).containsOnly("a");

    CredentialCipher activeB = new CredentialCipher(Optional.of(keys), Optional.of("b"));
    RegistryTenantDirectory afterRestart =
        new RegistryTenantDirectory(dataSource, activeB, "console");
    KeyRotation rotation = new KeyRotation(new TenantSecretStore(), activeB, afterRestart);

    RotationReport toB = rotation.rotate();
    assertThat(toB.activeKeyId()).isEqualTo("b");
    assertThat(toB.reEncrypted()).isGreaterThanOrEqualTo(2);
    assertThat(toB.keyIdsInUse()).containsExactly("b");
    assertThat(keyIdsOf(id)).containsOnly("b");
    assertThat(rotation.rotate().reEncrypted()).as("idempotent").isZero();

    // Only key b is needed now: a directory that knows nothing else decrypts every tenant.
    CredentialCipher onlyB =
        new CredentialCipher(Optional.of(keys.substring(keys.indexOf("b:"))), Optional.of("b"));
    Tenant viaB = new RegistryTenantDirectory(dataSource, onlyB, "console").find(id).orElseThrow();
    assertThat(viaB.qad().password().reveal()).isEqualTo("pw-rotate-qad");
    assertThat(viaB.servicenow().clientSecret().reveal()).isEqualTo("sn-rotate");
    // The application's own directory bean (keys a and b) reads them as well.
    directory.invalidate();
    assertThat(directory.find(id).orElseThrow().qad().password().reveal())
        .isEqualTo("pw-rotate-qad");

    // The running console has a active: its rotate endpoint moves everything back to a.
    authorized()
        .post("/admin/crypto/rotate")
        .then()
        .statusCode(200)
        .body("activeKeyId", equalTo("a"))
        .body("reEncrypted", greaterThanOrEqualTo(2))
        .body("keyIdsInUse", equalTo(List.of("a")));
    assertThat(keyIdsOf(id)).containsOnly("a");
    authorized()
        .post("/admin/crypto/rotate")
        .then()
        .statusCode(200)
        .body("reEncrypted", equalTo(0));
    authorized().get("/tenants/" + id).then().body("qad.passwordKeyId", equalTo("a"));
    directory.invalidate();
    assertThat(directory.find(id).orElseThrow().servicenow().clientSecret().reveal())
        .isEqualTo("sn-rotate");
  }

  private List<String> keyIdsOf(String tenant) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("select key_id from console.tenant_secret where tenant = ?")) {
      ps.setString(1, tenant);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    assertThat(out).hasSize(2);
    return out;
  }
}

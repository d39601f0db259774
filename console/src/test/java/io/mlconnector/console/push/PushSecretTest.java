package io.mlconnector.console.push;

import static io.mlconnector.console.ConsoleApi.authorized;
import static io.mlconnector.console.ConsoleApi.tenant;
import static io.mlconnector.console.ConsoleApi.uniqueId;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.common.tenant.RegistryTenantDirectory;
import io.mlconnector.common.tenant.Secret;
import io.mlconnector.stack.ApiTokenFixtures;
import io.mlconnector.stack.StackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The push secret: generated with admin scope and shown only in that answer, stored encrypted
 * beside the tenant's other secrets and read by the services through the registry, rotated by
 * generating again, removed to fall back to polling only.
 */
@QuarkusTest
@QuarkusTestResource(StackResource.class)
class PushSecretTest {
  @Inject RegistryTenantDirectory directory;
  @Inject DataSource dataSource;

  @Test
  void generatedOnceStoredEncryptedReadByServicesRotatedAndRemoved() throws Exception {
    String id = uniqueId("push");
    authorized()
        .body(tenant(id, "qad-pw-1", "sn-secret-1"))
        .post("/tenants")
        .then()
        .statusCode(201);
    assertThat(status(id).getBoolean("configured")).isFalse();

    JsonPath first = generate(id);

    String secret = first.getString("secret");
    assertThat(Base64.getDecoder().decode(secret)).hasSize(32);
    assertThat(first.getString("notifyPath")).isEqualTo("/notify/" + id);
    JsonPath status = status(id);
    assertThat(status.getBoolean("configured")).isTrue();
    assertThat(status.prettify()).doesNotContain(secret);
    assertThat(authorized().get("/tenants/{id}", id).asString()).doesNotContain(secret);
    assertThat(storedCiphertext(id)).isNotNull().doesNotContain(secret);
    directory.invalidate();
    assertThat(pushSecret(id)).isEqualTo(new Secret(secret));

    String rotated = generate(id).getString("secret");

    assertThat(rotated).isNotEqualTo(secret);
    directory.invalidate();
    assertThat(pushSecret(id)).isEqualTo(new Secret(rotated));

    authorized().delete("/tenants/{id}/push-secret", id).then().statusCode(204);
    assertThat(status(id).getBoolean("configured")).isFalse();
    directory.invalidate();
    assertThat(pushSecret(id)).isNull();
    // The tenant's other credentials are untouched.
    assertThat(directory.find(id).orElseThrow().servicenow().clientSecret())
        .isEqualTo(new Secret("sn-secret-1"));
  }

  @Test
  void onlyAdminsGenerateOrRemoveAndUnknownTenantsAre404() {
    String id = uniqueId("push-scope");
    authorized()
        .body(tenant(id, "qad-pw-1", "sn-secret-1"))
        .post("/tenants")
        .then()
        .statusCode(201);

    as(ApiTokenFixtures.OPERATE).post("/tenants/{id}/push-secret", id).then().statusCode(403);
    as(ApiTokenFixtures.OPERATE).delete("/tenants/{id}/push-secret", id).then().statusCode(403);
    given().post("/tenants/{id}/push-secret", id).then().statusCode(401);
    as(ApiTokenFixtures.READ).get("/tenants/{id}/push-secret", id).then().statusCode(200);
    authorized().post("/tenants/{id}/push-secret", "no-such-tenant").then().statusCode(404);

    assertThat(status(id).getBoolean("configured")).isFalse();
  }

  private static io.restassured.specification.RequestSpecification as(String token) {
    return given().header("Authorization", "Bearer " + token);
  }

  private static JsonPath generate(String id) {
    return authorized()
        .post("/tenants/{id}/push-secret", id)
        .then()
        .statusCode(201)
        .header("Cache-Control", "no-store")
        .extract()
        .jsonPath();
  }

  private static JsonPath status(String id) {
    return authorized()
        .get("/tenants/{id}/push-secret", id)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private Secret pushSecret(String id) {
    return directory.find(id).orElseThrow().servicenow().pushSecret();
  }

  private String storedCiphertext(String id) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select ciphertext from console.tenant_secret where tenant = ? and name = ?")) {
      ps.setString(1, id);
      ps.setString(2, "servicenow.push-secret");
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? new String(rs.getBytes(1), StandardCharsets.ISO_8859_1) : null;
      }
    }
  }
}

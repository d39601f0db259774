package io.mlconnector.console.api;

import static io.mlconnector.console.ConsoleApi.authorized;
import static io.mlconnector.console.ConsoleApi.tenant;
import static io.mlconnector.console.ConsoleApi.uniqueId;
import static io.mlconnector.stack.ApiTokenFixtures.ADMIN;
import static io.mlconnector.stack.ApiTokenFixtures.OPERATE;
import static io.mlconnector.stack.ApiTokenFixtures.READ;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.mlconnector.stack.StackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(StackResource.class)
class ApiAuthTest {
  /** Every protected endpoint: method and path. */
  static final List<String[]> PROTECTED =
      List.of(
          new String[] {"GET", "/tenants"},
          new String[] {"POST", "/tenants"},
          new String[] {"GET", "/tenants/%s"},
          new String[] {"PUT", "/tenants/%s"},
          new String[] {"DELETE", "/tenants/%s"},
          new String[] {"POST", "/tenants/%s/disable"},
          new String[] {"POST", "/tenants/%s/enable"},
          new String[] {"POST", "/admin/crypto/rotate"},
          new String[] {"POST", "/tenants/%s/ping"},
          new String[] {"GET", "/parked/%s"},
          new String[] {"POST", "/parked/%s/replay?entity=supplier&sourceId=x"},
          new String[] {"GET", "/audit/%s/x"},
          new String[] {"GET", "/audit/%s?q=x"},
          new String[] {"GET", "/status"},
          new String[] {"GET", "/status/%s"},
          new String[] {"GET", "/status/%s/throughput"},
          new String[] {"GET", "/status/%s/invoices?status=POSTED"},
          new String[] {"GET", "/dimensions/%s/alignment"},
          new String[] {"PUT", "/dimensions/%s/mappings/cost-center/x"});

  @Test
  void everyProtectedEndpointRefusesMissingWrongAndNonBearerCredentials() {
    String id = uniqueId("auth");
    authorized().body(tenant(id, "pw-auth", "sn-auth")).post("/tenants").then().statusCode(201);
    List<RequestSpecification> callers =
        List.of(
            given(),
            given().header("Authorization", "Bearer wrong-token"),
            given().header("Authorization", "Bearer "),
            given().header("Authorization", "Bearer " + ADMIN.substring(0, ADMIN.length() - 1)),
            given().header("Authorization", "Bearer " + ADMIN + "x"),
            given().header("Authorization", "Basic " + base64(ADMIN)),
            given().header("Authorization", ADMIN));
    for (String[] endpoint : PROTECTED) {
      for (RequestSpecification caller : callers) {
        caller
            .contentType(ContentType.JSON)
            .body(tenant(id, "pw-auth", "sn-auth"))
            .request(endpoint[0], endpoint[1].formatted(id))
            .then()
            .statusCode(401)
            .header("WWW-Authenticate", containsString("Bearer"))
            .body("code", equalTo("unauthorized"))
            .body("hint", containsString("MLC_API_TOKENS"));
      }
    }
    // None of the refused calls had an effect: the tenant is still there and enabled.
    authorized().get("/tenants/" + id).then().statusCode(200).body("enabled", equalTo(true));
  }

  @Test
  void theRightTokenIsAcceptedWithAnyCaseOfTheScheme() {
    given().header("Authorization", "bearer " + ADMIN).get("/tenants").then().statusCode(200);
  }

  @Test
  void healthMetricsOpenApiAndTheStaticPageStayOpen() {
    given().get("/").then().statusCode(200).body(containsString("ml-connector console"));
    given().get("/q/health/live").then().statusCode(200);
    given().get("/q/metrics").then().statusCode(200);
    given()
        .accept("application/json")
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .body(containsString("/tenants/{id}/disable"))
        .body(containsString("/admin/crypto/rotate"))
        .body(containsString("bearer"));
  }

  @Test
  void aReadTokenReadsButCannotChangeTenantsOrOperate() {
    String id = uniqueId("scope");
    authorized().body(tenant(id, "pw-scope", "sn-scope")).post("/tenants").then().statusCode(201);
    given().header("Authorization", "Bearer " + READ).get("/tenants/" + id).then().statusCode(200);
    given().header("Authorization", "Bearer " + READ).get("/parked/" + id).then().statusCode(200);
    given().header("Authorization", "Bearer " + READ).get("/status/" + id).then().statusCode(200);
    for (String[] call :
        List.of(
            new String[] {"PUT", "/tenants/%s"},
            new String[] {"DELETE", "/tenants/%s"},
            new String[] {"POST", "/tenants/%s/disable"},
            new String[] {"POST", "/tenants/%s/ping"},
            new String[] {"POST", "/parked/%s/replay?entity=supplier&sourceId=x"},
            new String[] {"PUT", "/dimensions/%s/mappings/cost-center/x"},
            new String[] {"POST", "/admin/crypto/rotate"})) {
      given()
          .header("Authorization", "Bearer " + READ)
          .contentType(ContentType.JSON)
          .body(tenant(id, "pw-scope", "sn-scope"))
          .request(call[0], call[1].formatted(id))
          .then()
          .statusCode(403)
          .header("WWW-Authenticate", containsString("insufficient_scope"))
          .body("code", equalTo("insufficient-scope"))
          .body("hint", containsString("test-reader"));
    }
    authorized().get("/tenants/" + id).then().statusCode(200).body("enabled", equalTo(true));
  }

  @Test
  void anOperateTokenOperatesButCannotAdministerTenants() {
    String id = uniqueId("operate");
    authorized().body(tenant(id, "pw-op", "sn-op")).post("/tenants").then().statusCode(201);
    given()
        .header("Authorization", "Bearer " + OPERATE)
        .contentType(ContentType.JSON)
        .post("/tenants/" + id + "/disable")
        .then()
        .statusCode(403);
    given()
        .header("Authorization", "Bearer " + OPERATE)
        .contentType(ContentType.JSON)
        .body(tenant(uniqueId("operate"), "pw", "sn"))
        .post("/tenants")
        .then()
        .statusCode(403);
    // Operating is allowed: the replay of a record that was never parked is a plain 404.
    given()
        .header("Authorization", "Bearer " + OPERATE)
        .post("/parked/" + id + "/replay?entity=supplier&sourceId=never-parked")
        .then()
        .statusCode(404);
    authorized().get("/tenants/" + id).then().statusCode(200).body("enabled", equalTo(true));
  }

  private static String base64(String value) {
    return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }
}

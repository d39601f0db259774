package io.mlconnector.console.api;

import static io.mlconnector.console.ConsoleApi.authorized;
import static io.mlconnector.console.ConsoleApi.tenant;
import static io.mlconnector.console.ConsoleApi.uniqueId;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.mlconnector.stack.StackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
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
          new String[] {"POST", "/admin/crypto/rotate"});

  @Test
  void everyProtectedEndpointRefusesMissingWrongAndNonBearerCredentials() {
    String id = uniqueId("auth");
    authorized().body(tenant(id, "pw-auth", "sn-auth")).post("/tenants").then().statusCode(201);
    List<RequestSpecification> callers =
        List.of(
            given(),
            given().header("Authorization", "Bearer wrong-token"),
            given().header("Authorization", "Bearer "),
            given().header("Authorization", "Bearer test-console-token-7f3a9"),
            given().header("Authorization", "Bearer test-console-token-7f3a91x"),
            given().header("Authorization", "Basic dGVzdC1jb25zb2xlLXRva2VuLTdmM2E5MQ=="),
            given().header("Authorization", "test-console-token-7f3a91"));
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
            .body("hint", containsString("MLC_CONSOLE_API_TOKEN"));
      }
    }
    // None of the refused calls had an effect: the tenant is still there and enabled.
    authorized().get("/tenants/" + id).then().statusCode(200).body("enabled", equalTo(true));
  }

  @Test
  void theRightTokenIsAcceptedWithAnyCaseOfTheScheme() {
    given()
        .header("Authorization", "bearer test-console-token-7f3a91")
        .get("/tenants")
        .then()
        .statusCode(200);
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
}

package io.mlconnector.console.api;

import static io.mlconnector.console.ConsoleApi.tenant;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.mlconnector.console.ConsoleApi;
import io.mlconnector.stack.StackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A console deployed without operator API tokens refuses its API instead of running open. */
@QuarkusTest
@TestProfile(NoApiTokenTest.WithoutToken.class)
@QuarkusTestResource(StackResource.class)
class NoApiTokenTest {
  public static class WithoutToken implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("mlc.api.tokens", "");
    }
  }

  @Test
  void everyProtectedEndpointAnswers503WithAHint() {
    for (String[] endpoint : ApiAuthTest.PROTECTED) {
      for (String auth : new String[] {"Bearer " + ConsoleApi.TOKEN, "Bearer ", "Bearer x"}) {
        given()
            .header("Authorization", auth)
            .contentType(ContentType.JSON)
            .body(tenant("no-token", "pw", "sn"))
            .request(endpoint[0], endpoint[1].formatted("no-token"))
            .then()
            .statusCode(503)
            .body("code", equalTo("api-token-not-configured"))
            .body("hint", containsString("MLC_API_TOKENS"));
      }
    }
  }

  @Test
  void healthStaysOpen() {
    given().get("/q/health/live").then().statusCode(200);
  }
}

package io.mlconnector.console.dimensions;

import static io.mlconnector.stack.ApiTokenFixtures.READ;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.mlconnector.stack.StackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Without {@code mlc.console.mapper.url} (the tests' default) the relay says what to set. */
@QuarkusTest
@QuarkusTestResource(StackResource.class)
class MapperNotConfiguredTest {
  @Test
  void theAlignmentReportAnswers503NamingTheSetting() {
    given()
        .header("Authorization", "Bearer " + READ)
        .get("/dimensions/acme/alignment")
        .then()
        .statusCode(503)
        .body("code", equalTo("mapper-url-not-configured"))
        .body("hint", containsString("MLC_CONSOLE_MAPPER_URL"));
  }
}

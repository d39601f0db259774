package io.mlconnector.console.dimensions;

import static io.mlconnector.stack.ApiTokenFixtures.OPERATE;
import static io.mlconnector.stack.ApiTokenFixtures.READ;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.mlconnector.stack.StackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/**
 * The relay to the mapper's dimension endpoints ({@link MapperStubResource} stands in for the
 * mapper): the caller's token, the body and the codes reach the mapper as given, and the mapper's
 * answer comes back as it was sent, its refusals and failures included (never a generic 500).
 */
@QuarkusTest
@QuarkusTestResource(StackResource.class)
@QuarkusTestResource(value = MapperStubResource.class, restrictToAnnotatedClass = true)
class DimensionsRelayTest {
  @Test
  void theAlignmentReportIsAskedWithTheCallersTokenAndComesBackAsSent() {
    given()
        .header("Authorization", "Bearer " + READ)
        .get("/dimensions/echo-report/alignment")
        .then()
        .statusCode(200)
        .contentType(ContentType.JSON)
        .body("method", equalTo("GET"))
        .body("path", equalTo("/dimensions/echo-report/alignment"))
        .body("authorization", equalTo("Bearer " + READ));
  }

  @Test
  void aMappingWriteReachesTheMapperWithItsBodyAndItsCodesEncoded() {
    given()
        .header("Authorization", "Bearer " + OPERATE)
        .contentType(ContentType.JSON)
        .body("{\"qadCode\":\"Q 100\"}")
        .put("/dimensions/echo-write/mappings/cost-center/CC 100")
        .then()
        .statusCode(200)
        .body("method", equalTo("PUT"))
        .body("path", equalTo("/dimensions/echo-write/mappings/cost-center/CC%20100"))
        .body("authorization", equalTo("Bearer " + OPERATE))
        .body("contentType", startsWith("application/json"))
        .body("body", equalTo("{\"qadCode\":\"Q 100\"}"));
  }

  @Test
  void theMappersRefusalsAndFailuresComeBackWithTheirOwnStatusAndBody() {
    for (int status : new int[] {404, 500, 503}) {
      given()
          .header("Authorization", "Bearer " + READ)
          .get("/dimensions/answers-" + status + "/alignment")
          .then()
          .statusCode(status)
          .body("code", equalTo("mapper-says-" + status))
          .body("message", equalTo("the stand-in mapper's own answer"));
    }
    for (int status : new int[] {400, 409, 502}) {
      given()
          .header("Authorization", "Bearer " + OPERATE)
          .contentType(ContentType.JSON)
          .body("{\"qadCode\":\"Q1\"}")
          .put("/dimensions/answers-" + status + "/mappings/cost-center/CC1")
          .then()
          .statusCode(status)
          .body("code", equalTo("mapper-says-" + status));
    }
  }
}

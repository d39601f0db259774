package io.mlconnector.console.dimensions;

import static io.mlconnector.stack.ApiTokenFixtures.OPERATE;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.mlconnector.stack.StackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A mapper that cannot be reached is a 502 naming it, not a generic error or a hang. */
@QuarkusTest
@TestProfile(MapperDownTest.MapperOnAClosedPort.class)
@QuarkusTestResource(StackResource.class)
class MapperDownTest {
  public static class MapperOnAClosedPort implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      // A port that was free a moment ago: nothing listens there, the connection is refused.
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        return Map.of("mlc.console.mapper.url", "http://127.0.0.1:" + socket.getLocalPort());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Test
  void bothRelayedCallsAnswer502MapperUnreachable() {
    given()
        .header("Authorization", "Bearer " + OPERATE)
        .get("/dimensions/acme/alignment")
        .then()
        .statusCode(502)
        .body("code", equalTo("mapper-unreachable"))
        .body("message", containsString("the mapper-service did not answer"));
    given()
        .header("Authorization", "Bearer " + OPERATE)
        .contentType(ContentType.JSON)
        .body("{\"qadCode\":\"Q1\"}")
        .put("/dimensions/acme/mappings/cost-center/CC1")
        .then()
        .statusCode(502)
        .body("code", equalTo("mapper-unreachable"));
  }
}

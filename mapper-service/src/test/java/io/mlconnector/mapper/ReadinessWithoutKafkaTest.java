package io.mlconnector.mapper;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Readiness must say DOWN when the broker is unreachable, while liveness stays UP. */
@QuarkusTest
@TestProfile(ReadinessWithoutKafkaTest.NoBroker.class)
class ReadinessWithoutKafkaTest {

  /** The real PostgreSQL, but a broker address where nothing listens. */
  public static class NoBroker implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      Map<String, String> config = new java.util.HashMap<>(new MapperStack().start());
      config.put("kafka.bootstrap.servers", "127.0.0.1:1");
      return config;
    }
  }

  @Test
  void readinessIsDownAndNamesKafkaWhenTheBrokerIsUnreachable() {
    given()
        .get("/q/health/ready")
        .then()
        .statusCode(503)
        .body("status", is("DOWN"))
        .body(
            "checks.findAll { it.status == 'DOWN' }.name",
            hasItem("Kafka connection health check"));
    given().get("/q/health/live").then().statusCode(200);
  }
}

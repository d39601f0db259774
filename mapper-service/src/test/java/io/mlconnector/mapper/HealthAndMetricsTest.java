package io.mlconnector.mapper;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(MapperStack.class)
class HealthAndMetricsTest {

  @Test
  void readinessIsUpAndCoversKafkaAndPostgres() {
    given()
        .when()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", is("UP"))
        .body(
            "checks.name",
            hasItems("Kafka connection health check", "Database connections health check"));
  }

  @Test
  void livenessAndPrometheusMetricsAreExposed() {
    given().when().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
    given()
        .when()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .body(containsString("# TYPE jvm_memory_used_bytes gauge"));
  }
}

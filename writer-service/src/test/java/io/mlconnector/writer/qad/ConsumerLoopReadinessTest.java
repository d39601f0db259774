package io.mlconnector.writer.qad;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Every consumer loop of the writer is part of readiness (issue 13, item 6). */
@QuarkusTest
@QuarkusTestResource(QadWriterTestStack.class)
class ConsumerLoopReadinessTest {
  @ConfigProperty(name = "mlc.writer.consumer-groups.servicenow")
  String servicenowGroup;

  @ConfigProperty(name = "mlc.writer.consumer-groups.qad")
  String qadGroup;

  @ConfigProperty(name = "mlc.writer.consumer-groups.receipts")
  String receiptsGroup;

  @Test
  void readinessListsAllThreeLoopsAndIsUpOnlyWhenEachIsConsuming() {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> given().get("/q/health/ready").statusCode() == 200);

    Map<String, String> loops =
        given()
            .get("/q/health/ready")
            .then()
            .extract()
            .jsonPath()
            .getMap("checks.find { it.name == 'Kafka consumer loops' }.data");

    assertThat(loops)
        .containsEntry(servicenowGroup, "consuming")
        .containsEntry(qadGroup, "consuming")
        .containsEntry(receiptsGroup, "consuming");
  }
}

package io.mlconnector.writer.qad;

import static io.mlconnector.stack.ApiTokenFixtures.READ;
import static io.mlconnector.stack.ApiTokenFixtures.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /invoices/{tenant}?status=} refuses a status it does not know instead of ignoring it.
 */
@QuarkusTest
@QuarkusTestResource(QadWriterTestStack.class)
class InvoiceQueryTest {

  @Test
  void anUnknownStatusIsA400NamingTheKnownOnes() {
    given()
        .header("Authorization", bearer(READ))
        .get("/invoices/acme?status=shipped")
        .then()
        .statusCode(400)
        .body("message", equalTo("unknown status shipped"))
        .body("hint", containsString("AWAITING_RECEIPT"))
        .body("hint", containsString("POSTED"));
  }

  @Test
  void aKnownStatusInAnyCaseIsAccepted() {
    given()
        .header("Authorization", bearer(READ))
        .get("/invoices/acme?status=posted")
        .then()
        .statusCode(200);
  }
}

package io.mlconnector.mapper.rest;

import static io.mlconnector.stack.ApiTokenFixtures.ADMIN;
import static io.mlconnector.stack.ApiTokenFixtures.OPERATE;
import static io.mlconnector.stack.ApiTokenFixtures.READ;
import static io.mlconnector.stack.ApiTokenFixtures.bearer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.mlconnector.mapper.MapperStack;
import io.mlconnector.mapper.dimension.Dimension;
import io.mlconnector.mapper.dimension.DimensionStore;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The dimension mapping re-books invoices: changing it needs an operate token. */
@QuarkusTest
@QuarkusTestResource(MapperStack.class)
class DimensionApiAuthTest {
  @Inject DimensionStore store;

  private final String tenant = "auth-" + UUID.randomUUID().toString().substring(0, 8);
  private final String path = "/dimensions/" + tenant + "/mappings/cost-center/CC-SN-1";

  @Test
  void putWithoutTokenIs401AndChangesNothing() {
    put(given())
        .then()
        .statusCode(401)
        .header("WWW-Authenticate", containsString("Bearer"))
        .body("code", equalTo("unauthorized"));
    put(given().header("Authorization", bearer("not-a-token-of-this-fleet-at-all")))
        .then()
        .statusCode(401);
    assertThat(store.mappings(tenant, Dimension.COST_CENTER)).isEmpty();
  }

  @Test
  void putWithAReadTokenIs403AndChangesNothing() {
    put(given().header("Authorization", bearer(READ)))
        .then()
        .statusCode(403)
        .body("code", equalTo("insufficient-scope"));
    given().header("Authorization", bearer(READ)).delete(path).then().statusCode(403);
    assertThat(store.mappings(tenant, Dimension.COST_CENTER)).isEmpty();
  }

  @Test
  void operateAndAdminTokensWriteTheMappingAndAReadTokenSeesIt() {
    put(given().header("Authorization", bearer(OPERATE))).then().statusCode(200);
    assertThat(store.mappings(tenant, Dimension.COST_CENTER)).containsEntry("CC-SN-1", "CC100");
    given()
        .header("Authorization", bearer(READ))
        .get("/dimensions/" + tenant + "/mappings")
        .then()
        .statusCode(200)
        .body("'cost-center'.'CC-SN-1'", equalTo("CC100"));
    given().header("Authorization", bearer(ADMIN)).delete(path).then().statusCode(204);
    assertThat(store.mappings(tenant, Dimension.COST_CENTER)).isEmpty();
  }

  @Test
  void readsNeedATokenToo() {
    given().get("/dimensions/" + tenant + "/mappings").then().statusCode(401);
    given().get("/dimensions/" + tenant + "/alignment").then().statusCode(401);
  }

  private io.restassured.response.Response put(RequestSpecification caller) {
    return caller.contentType(ContentType.JSON).body("{\"qadCode\":\"CC100\"}").put(path);
  }
}

package io.mlconnector.console.tenant;

import static io.mlconnector.console.ConsoleApi.authorized;
import static io.mlconnector.console.ConsoleApi.section;
import static io.mlconnector.console.ConsoleApi.tenant;
import static io.mlconnector.console.ConsoleApi.uniqueId;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.mlconnector.stack.StackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A save refuses what can never work, naming the field: a new tenant without its secrets, a
 * ServiceNow instance URL that points at a UI page or an API path instead of the instance root.
 */
@QuarkusTest
@QuarkusTestResource(StackResource.class)
class TenantSaveValidationTest {

  @ParameterizedTest
  @CsvSource({"servicenow, clientSecret", "qad, password"})
  void aNewTenantWithoutASecretIsRefusedNamingIt(String section, String field) {
    String id = uniqueId("nosecret");
    Map<String, Object> body = tenant(id, "pw", "sn");
    section(body, section).remove(field);
    authorized()
        .body(body)
        .post("/tenants")
        .then()
        .statusCode(400)
        .body("message", containsString(section + "." + field + " is required"));
    authorized().get("/tenants/" + id).then().statusCode(404);
  }

  @Test
  void anUpdateWithoutSecretsKeepsTheStoredOnes() {
    String id = uniqueId("keepsecret");
    Map<String, Object> body = tenant(id, "pw", "sn");
    authorized().body(body).post("/tenants").then().statusCode(201);
    section(body, "servicenow").remove("clientSecret");
    section(body, "qad").remove("password");
    authorized()
        .body(body)
        .put("/tenants/" + id)
        .then()
        .statusCode(200)
        .body("servicenow.clientSecret", equalTo("****"));
  }

  @ParameterizedTest
  @CsvSource({
    "https://acme.service-now.com/now/nav/ui/classic/params/target/home.do, /now/nav/ui/classic/params/target/home.do",
    "https://acme.service-now.com/api/now/table, /api/now/table",
    "https://acme.service-now.com/api/now/table/sn_fcms_intg_imp_supplier, /api/now/table/sn_fcms_intg_imp_supplier",
    "https://acme.service-now.com/nav_to.do, /nav_to.do",
  })
  void anInstanceUrlWithAUiOrApiPathIsRefusedSayingWhatToDrop(String url, String drop) {
    Map<String, Object> body = tenant(uniqueId("snpath"), "pw", "sn");
    section(body, "servicenow").put("instanceUrl", url);
    authorized()
        .body(body)
        .post("/tenants")
        .then()
        .statusCode(400)
        .body("code", equalTo("invalid-url"))
        .body("message", containsString("servicenow.instanceUrl"))
        .body("message", containsString("drop '" + drop + "'"))
        .body("hint", containsString("https://acme.service-now.com"));
  }

  @Test
  void theInstanceRootWithOrWithoutATrailingSlashIsAccepted() {
    Map<String, Object> body = tenant(uniqueId("snroot"), "pw", "sn");
    section(body, "servicenow").put("instanceUrl", "https://acme.service-now.com/");
    authorized().body(body).post("/tenants").then().statusCode(201);
  }
}

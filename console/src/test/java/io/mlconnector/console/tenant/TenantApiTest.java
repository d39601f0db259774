package io.mlconnector.console.tenant;

import static io.mlconnector.console.ConsoleApi.authorized;
import static io.mlconnector.console.ConsoleApi.section;
import static io.mlconnector.console.ConsoleApi.tenant;
import static io.mlconnector.console.ConsoleApi.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.mlconnector.common.tenant.RegistryTenantDirectory;
import io.mlconnector.common.tenant.Tenant;
import io.mlconnector.stack.StackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(StackResource.class)
class TenantApiTest {
  @Inject RegistryTenantDirectory directory;

  @Test
  void createReadUpdateDeleteRoundTripWithSecretsMasked() {
    String id = uniqueId("crud");
    String created =
        authorized()
            .body(tenant(id, "qad-pw-crud-1", "sn-secret-crud-1"))
            .post("/tenants")
            .then()
            .statusCode(201)
            .header("Location", containsString("/tenants/" + id))
            .body("id", equalTo(id))
            .body("enabled", equalTo(true))
            .body("qad.baseUrl", equalTo("https://qad.acme.example/qad-central/api"))
            .body("qad.password", equalTo("****"))
            .body("qad.passwordKeyId", equalTo("a"))
            .body("servicenow.clientSecret", equalTo("****"))
            .body("servicenow.clientSecretKeyId", equalTo("a"))
            .body("servicenow.batchApi", equalTo(true))
            .body("schedules.'qad.purchase-orders'", equalTo("PT5M"))
            .body("schedules.'servicenow.invoices'", equalTo("PT30S"))
            .body("mappingOverrides.'supplier.vendorType'", equalTo("external"))
            .extract()
            .asString();
    assertThat(created).doesNotContain("qad-pw-crud-1", "sn-secret-crud-1");

    authorized().get("/tenants/" + id).then().statusCode(200).body("qad.password", equalTo("****"));
    String list = authorized().get("/tenants").then().statusCode(200).extract().asString();
    assertThat(list).contains("\"id\":\"" + id + "\"").doesNotContain("qad-pw-crud-1");

    // Update without secrets keeps them; other settings are replaced.
    Map<String, Object> changed = tenant(id, null, null);
    section(changed, "qad").remove("password");
    section(changed, "servicenow").remove("clientSecret");
    changed.put("displayName", "ACME renamed");
    // Quarkus' duration syntax: unit suffixes, plain seconds, days.
    changed.put(
        "schedules",
        Map.of("qad.receipts", "2h", "servicenow.dimensions", "300", "qad.dimensions", "1d"));
    authorized()
        .body(changed)
        .put("/tenants/" + id)
        .then()
        .statusCode(200)
        .body("displayName", equalTo("ACME renamed"))
        .body("schedules.'qad.receipts'", equalTo("PT2H"))
        .body("schedules.'servicenow.dimensions'", equalTo("PT5M"))
        .body("schedules.'qad.dimensions'", equalTo("PT24H"))
        .body("schedules.'qad.purchase-orders'", nullValue())
        .body("qad.password", equalTo("****"))
        .body("servicenow.clientSecret", equalTo("****"));
    Tenant stored = directory.find(id).orElseThrow();
    assertThat(stored.displayName()).isEqualTo("ACME renamed");
    assertThat(stored.qad().password().reveal()).isEqualTo("qad-pw-crud-1");
    assertThat(stored.servicenow().clientSecret().reveal()).isEqualTo("sn-secret-crud-1");
    assertThat(stored.schedule("qad.receipts", Duration.ZERO)).isEqualTo(Duration.ofHours(2));
    assertThat(stored.servicenow().batchApi()).isTrue();

    // A new secret on update replaces the stored one.
    section(changed, "qad").put("password", "qad-pw-crud-2");
    authorized().body(changed).put("/tenants/" + id).then().statusCode(200);
    directory.invalidate();
    assertThat(directory.find(id).orElseThrow().qad().password().reveal())
        .isEqualTo("qad-pw-crud-2");

    authorized().delete("/tenants/" + id).then().statusCode(204);
    authorized()
        .get("/tenants/" + id)
        .then()
        .statusCode(404)
        .body("code", equalTo("tenant-not-found"));
    assertThat(directory.find(id)).isEmpty();
  }

  @Test
  void disabledTenantLeavesTheEnabledTenantsAndComesBackWhenEnabled() {
    String id = uniqueId("toggle");
    authorized().body(tenant(id, "pw-toggle", "sn-toggle")).post("/tenants").then().statusCode(201);
    directory.invalidate();
    assertThat(directory.enabledTenants()).extracting(Tenant::id).contains(id);

    authorized()
        .post("/tenants/" + id + "/disable")
        .then()
        .statusCode(200)
        .body("enabled", equalTo(false));
    directory.invalidate();
    assertThat(directory.enabledTenants()).extracting(Tenant::id).doesNotContain(id);
    assertThat(directory.find(id).orElseThrow().enabled()).isFalse();

    // Updating settings does not silently re-enable it.
    authorized()
        .body(tenant(id, null, null))
        .put("/tenants/" + id)
        .then()
        .body("enabled", equalTo(false));

    authorized()
        .post("/tenants/" + id + "/enable")
        .then()
        .statusCode(200)
        .body("enabled", equalTo(true));
    directory.invalidate();
    assertThat(directory.enabledTenants()).extracting(Tenant::id).contains(id);
  }

  @Test
  void duplicateIdIsAConflict() {
    String id = uniqueId("dup");
    authorized().body(tenant(id, "pw", "sn")).post("/tenants").then().statusCode(201);
    authorized()
        .body(tenant(id, "pw", "sn"))
        .post("/tenants")
        .then()
        .statusCode(409)
        .body("code", equalTo("tenant-exists"))
        .body("hint", containsString("PUT /tenants/" + id));
  }

  /** Registrations of one new id at the same time: one is created, every other is a conflict. */
  @Test
  void concurrentRegistrationsOfOneIdCreateItOnce() throws Exception {
    String id = uniqueId("race");
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        answers.add(
            pool.submit(
                () ->
                    authorized()
                        .body(tenant(id, "pw", "sn"))
                        .post("/tenants")
                        .then()
                        .extract()
                        .statusCode()));
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> a : answers) {
        statuses.add(a.get(60, TimeUnit.SECONDS));
      }
      assertThat(statuses).containsOnly(201, 409).containsOnlyOnce(201);
    } finally {
      pool.shutdownNow();
    }
    authorized()
        .get("/tenants/" + id)
        .then()
        .statusCode(200)
        .body("qad.passwordKeyId", equalTo("a"));
  }

  @Test
  void unknownTenantIsNotFoundOnEveryOperation() {
    String id = uniqueId("ghost");
    authorized()
        .get("/tenants/" + id)
        .then()
        .statusCode(404)
        .body("code", equalTo("tenant-not-found"));
    authorized().body(tenant(id, "pw", "sn")).put("/tenants/" + id).then().statusCode(404);
    authorized().post("/tenants/" + id + "/disable").then().statusCode(404);
    authorized().post("/tenants/" + id + "/enable").then().statusCode(404);
    authorized().delete("/tenants/" + id).then().statusCode(404);
  }

  @Test
  void invalidIdsAndFieldsAreRejectedWithTheFieldNamed() {
    authorized()
        .body(tenant("Not_Valid", "pw", "sn"))
        .post("/tenants")
        .then()
        .statusCode(400)
        .body("code", equalTo("invalid-tenant-id"))
        .body("message", containsString("lowercase"));
    Map<String, Object> noWorkspace = tenant(uniqueId("nows"), "pw", "sn");
    section(noWorkspace, "qad").remove("workspace");
    authorized()
        .body(noWorkspace)
        .post("/tenants")
        .then()
        .statusCode(400)
        .body("message", equalTo("qad.workspace is required"));
    Map<String, Object> badSchedule = tenant(uniqueId("sched"), "pw", "sn");
    badSchedule.put("schedules", Map.of("qad.everything", "5m"));
    authorized()
        .body(badSchedule)
        .post("/tenants")
        .then()
        .statusCode(400)
        .body("message", containsString("qad.everything"))
        .body("hint", containsString("qad.purchase-orders"));
    badSchedule.put("schedules", Map.of("qad.suppliers", "often"));
    authorized()
        .body(badSchedule)
        .post("/tenants")
        .then()
        .statusCode(400)
        .body("hint", containsString("PT5M"));
    Map<String, Object> otherId = tenant("other-id", "pw", "sn");
    authorized().body(otherId).put("/tenants/" + uniqueId("path")).then().statusCode(400);
  }

  @Test
  void malformedJsonUnknownFieldsAndWrongTypesAreClearBadRequests() {
    String id = uniqueId("json");
    authorized()
        .body("{\"id\": \"" + id + "\", ")
        .post("/tenants")
        .then()
        .statusCode(400)
        .body("code", equalTo("malformed-json"))
        .body("message", containsString("line 1"));
    Map<String, Object> typo = tenant(id, "pw", "sn");
    section(typo, "qad").put("passwrd", "hunter2-typo");
    authorized()
        .body(typo)
        .post("/tenants")
        .then()
        .statusCode(400)
        .body("code", equalTo("unknown-field"))
        .body("message", equalTo("unknown field 'qad.passwrd'"))
        .body("hint", containsString("password"))
        .body(not(containsString("hunter2-typo")));
    Map<String, Object> wrongType = tenant(id, "pw", "sn");
    wrongType.put("sandbox", "secret-looking-value");
    authorized()
        .body(wrongType)
        .post("/tenants")
        .then()
        .statusCode(400)
        .body("code", equalTo("invalid-field"))
        .body("message", containsString("'sandbox'"))
        .body(not(containsString("secret-looking-value")));
    authorized().post("/tenants").then().statusCode(400).body("message", containsString("body"));
    authorized().get("/tenants").then().body("id", not(hasItem(id)));
  }
}

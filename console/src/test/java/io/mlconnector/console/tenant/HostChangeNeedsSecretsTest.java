package io.mlconnector.console.tenant;

import static io.mlconnector.console.ConsoleApi.authorized;
import static io.mlconnector.console.ConsoleApi.section;
import static io.mlconnector.console.ConsoleApi.tenant;
import static io.mlconnector.console.ConsoleApi.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.mlconnector.common.tenant.RegistryTenantDirectory;
import io.mlconnector.common.tenant.Tenant;
import io.mlconnector.stack.StackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A stored secret is never kept for a new host: pointing a tenant elsewhere needs it again. */
@QuarkusTest
@QuarkusTestResource(StackResource.class)
class HostChangeNeedsSecretsTest {
  @Inject RegistryTenantDirectory directory;

  @Test
  void changingTheQadHostWithoutThePasswordIs400AndChangesNothing() {
    String id = created();
    Map<String, Object> moved = withoutSecrets(id);
    section(moved, "qad").put("baseUrl", "https://qad.attacker.example/qad-central/api");

    authorized()
        .body(moved)
        .put("/tenants/" + id)
        .then()
        .statusCode(400)
        .body("code", equalTo("secret-required"))
        .body("hint", containsString("qad.password"));
    directory.invalidate();
    Tenant stored = directory.find(id).orElseThrow();
    assertThat(stored.qad().baseUrl().getHost()).isEqualTo("qad.acme.example");
    assertThat(stored.qad().password().reveal()).isEqualTo("pw-host-1");
  }

  @Test
  void changingTheServiceNowHostOrPortWithoutTheSecretIs400() {
    String id = created();
    for (String url :
        new String[] {"https://evil.service-now.com", "https://acme.service-now.com:8443"}) {
      Map<String, Object> moved = withoutSecrets(id);
      section(moved, "servicenow").put("instanceUrl", url);
      authorized()
          .body(moved)
          .put("/tenants/" + id)
          .then()
          .statusCode(400)
          .body("code", equalTo("secret-required"))
          .body("hint", containsString("servicenow.clientSecret"));
    }
    directory.invalidate();
    assertThat(directory.find(id).orElseThrow().servicenow().instanceUrl().getHost())
        .isEqualTo("acme.service-now.com");
  }

  @Test
  void aNewHostWithItsSecretAndTheSameHostWithoutOneAreAccepted() {
    String id = created();
    Map<String, Object> samehost = withoutSecrets(id);
    section(samehost, "qad").put("baseUrl", "https://qad.acme.example/qad-central/api/v2");
    authorized().body(samehost).put("/tenants/" + id).then().statusCode(200);

    Map<String, Object> moved = withoutSecrets(id);
    section(moved, "qad").put("baseUrl", "https://qad.newdc.example/qad-central/api");
    section(moved, "qad").put("password", "pw-host-2");
    authorized().body(moved).put("/tenants/" + id).then().statusCode(200);
    directory.invalidate();
    Tenant stored = directory.find(id).orElseThrow();
    assertThat(stored.qad().baseUrl().getHost()).isEqualTo("qad.newdc.example");
    assertThat(stored.qad().password().reveal()).isEqualTo("pw-host-2");
    assertThat(stored.servicenow().clientSecret().reveal()).isEqualTo("sn-host-1");
  }

  private static String created() {
    String id = uniqueId("host");
    authorized().body(tenant(id, "pw-host-1", "sn-host-1")).post("/tenants").then().statusCode(201);
    return id;
  }

  private static Map<String, Object> withoutSecrets(String id) {
    Map<String, Object> body = tenant(id, null, null);
    section(body, "qad").remove("password");
    section(body, "servicenow").remove("clientSecret");
    return body;
  }
}

package io.mlconnector.console.tenant;

import static io.mlconnector.console.ConsoleApi.authorized;
import static io.mlconnector.console.ConsoleApi.section;
import static io.mlconnector.console.ConsoleApi.tenant;
import static io.mlconnector.console.ConsoleApi.uniqueId;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.mlconnector.stack.StackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
@QuarkusTestResource(StackResource.class)
class TenantUrlValidationTest {

  @ParameterizedTest
  @CsvSource({
    "http://acme.service-now.com, https-required",
    "https://admin:pa55word@acme.service-now.com, no-user-info",
    "https://acme.service-now.com/?sysparm_x=1, no-query",
    "https://acme.service-now.com/#top, no-fragment",
    "https://127.0.0.1, no-loopback",
    "http://2130706433, no-loopback",
    "http://0x7f.1, no-loopback",
    "https://[::ffff:127.0.0.1], no-loopback",
    "https://loopback.attacker.example, no-loopback",
    "https://10.1.2.3, no-private-network",
    "https://erp.internal.acme, no-private-network",
    "https://[fd00::1], no-private-network",
    "http://169.254.169.254/latest/meta-data, no-link-local",
    "https://metadata.attacker.example, no-link-local",
    "https://0.0.0.0, no-unspecified-address",
    "https://nowhere.invalid, resolvable-host",
    "https://3405803786, canonical-ip",
    "https://acme.service-now.com/a/%2e%2e/b, no-encoded-dot-segment",
    "ftp://acme.service-now.com, https-required",
    "not a url, valid-url",
  })
  void hostileServiceNowUrlsAreRefusedNamingTheRule(String url, String rule) {
    Map<String, Object> body = tenant(uniqueId("url"), "pw", "sn");
    section(body, "servicenow").put("instanceUrl", url);
    authorized()
        .body(body)
        .post("/tenants")
        .then()
        .statusCode(400)
        .body("code", equalTo("invalid-url"))
        .body("message", containsString("servicenow.instanceUrl rejected by " + rule))
        .body(not(containsString("pa55word")));
  }

  @Test
  void qadBaseUrlIsCheckedTooAndUpdatesAreChecked() {
    String id = uniqueId("urlupd");
    Map<String, Object> body = tenant(id, "pw", "sn");
    authorized().body(body).post("/tenants").then().statusCode(201);
    section(body, "qad").put("baseUrl", "https://192.168.0.10/qad");
    authorized()
        .body(body)
        .put("/tenants/" + id)
        .then()
        .statusCode(400)
        .body("message", containsString("qad.baseUrl rejected by no-private-network"))
        .body("hint", containsString("allowPrivateNetwork"));
    body.put("allowPrivateNetwork", true);
    authorized()
        .body(body)
        .put("/tenants/" + id)
        .then()
        .statusCode(200)
        .body("qad.baseUrl", equalTo("https://192.168.0.10/qad"))
        .body("allowPrivateNetwork", equalTo(true));
  }

  @Test
  void loopbackOverHttpIsOnlyForSandboxTenantsOnASandboxConsole() {
    Map<String, Object> body = tenant(uniqueId("sbx"), "pw", "sn");
    section(body, "qad").put("baseUrl", "http://127.0.0.1:18081/qad");
    section(body, "servicenow").put("instanceUrl", "http://localhost:18082");
    authorized()
        .body(body)
        .post("/tenants")
        .then()
        .statusCode(400)
        .body("hint", containsString("sandbox=true"));
    body.put("sandbox", true);
    authorized().body(body).post("/tenants").then().statusCode(201).body("sandbox", equalTo(true));
  }

  @Test
  void privateNetworkFlagNeverAdmitsMetadataOrLoopback() {
    Map<String, Object> body = tenant(uniqueId("priv"), "pw", "sn");
    body.put("allowPrivateNetwork", true);
    section(body, "qad").put("baseUrl", "https://169.254.169.254");
    authorized()
        .body(body)
        .post("/tenants")
        .then()
        .statusCode(400)
        .body("message", containsString("no-link-local"));
    section(body, "qad").put("baseUrl", "https://127.0.0.1");
    authorized()
        .body(body)
        .post("/tenants")
        .then()
        .statusCode(400)
        .body("message", containsString("no-loopback"));
  }
}

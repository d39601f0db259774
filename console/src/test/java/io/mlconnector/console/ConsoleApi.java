package io.mlconnector.console;

import static io.restassured.RestAssured.given;

import io.mlconnector.stack.ApiTokenFixtures;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Test helpers: an authenticated request and a valid tenant body to vary. */
public final class ConsoleApi {
  /** The admin token of the tests ({@code %test.mlc.api.tokens}). */
  public static final String TOKEN = ApiTokenFixtures.ADMIN;

  private ConsoleApi() {}

  public static RequestSpecification authorized() {
    return given().header("Authorization", "Bearer " + TOKEN).contentType(ContentType.JSON);
  }

  /** A tenant id no other test uses. */
  public static String uniqueId(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A valid create body; mutable so a test can break one field. */
  public static Map<String, Object> tenant(String id, String qadPassword, String snSecret) {
    Map<String, Object> qad = new LinkedHashMap<>();
    qad.put("baseUrl", "https://qad.acme.example/qad-central/api");
    qad.put("workspace", "acme-prod");
    qad.put("clientId", "qad-client");
    qad.put("username", "svc-connector");
    qad.put("password", qadPassword);
    Map<String, Object> sn = new LinkedHashMap<>();
    sn.put("instanceUrl", "https://acme.service-now.com");
    sn.put("clientId", "sn-client");
    sn.put("clientSecret", snSecret);
    sn.put("batchApi", true);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", id);
    body.put("displayName", "ACME " + id);
    body.put("qad", qad);
    body.put("servicenow", sn);
    body.put("schedules", Map.of("qad.purchase-orders", "5m", "servicenow.invoices", "PT30S"));
    body.put("mappingOverrides", Map.of("supplier.vendorType", "external"));
    body.put("sandbox", false);
    body.put("allowPrivateNetwork", false);
    return body;
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> section(Map<String, Object> body, String name) {
    return (Map<String, Object>) body.get(name);
  }
}

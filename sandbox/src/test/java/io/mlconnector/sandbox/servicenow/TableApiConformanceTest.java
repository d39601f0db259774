package io.mlconnector.sandbox.servicenow;

import static io.mlconnector.sandbox.servicenow.SnHttp.json;
import static io.mlconnector.sandbox.servicenow.SnHttp.q;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TableApiConformanceTest extends SimulatorFixture {
  private static final String TABLE = "/api/now/table/" + SUPPLIERS;

  @Test
  void postAnswers201WithLocationAndAllValuesAsStrings() {
    HttpResponse<String> r =
        integration.post(
            TABLE, "{\"u_external_id\":\"S1\",\"u_active\":true,\"u_name\":null,\"nope\":\"x\"}");

    assertThat(r.statusCode()).isEqualTo(201);
    JsonNode result = json(r).path("result");
    String sysId = result.path("sys_id").asText();
    assertThat(sysId).matches("[0-9a-f]{32}");
    assertThat(r.headers().firstValue("Location"))
        .hasValue(simulator.instanceUrl("acme") + TABLE + "/" + sysId);
    assertThat(result.path("u_active").isTextual()).isTrue();
    assertThat(result.path("u_active").asText()).isEqualTo("true");
    assertThat(result.path("u_name").asText()).isEmpty();
    assertThat(result.has("nope")).isFalse();
    assertThat(result.path("sys_created_on").asText()).isEqualTo("2024-05-01 10:00:00");
    assertThat(result.path("sys_created_by").asText()).isEqualTo(INTEGRATION_USER);
    assertThat(result.path("sys_mod_count").asText()).isEqualTo("0");
  }

  @Test
  void getOnePatchPutAndDeleteFollowTheDocumentedCodes() {
    String sysId = acme.insert(SUPPLIERS, Map.of("u_external_id", "S1")).get("sys_id");
    clock.advance(Duration.ofSeconds(5));

    assertThat(
            json(integration.get(TABLE + "/" + sysId))
                .path("result")
                .path("u_external_id")
                .asText())
        .isEqualTo("S1");
    HttpResponse<String> patched =
        integration.send("PATCH", TABLE + "/" + sysId, "{\"u_name\":\"N\"}");
    assertThat(patched.statusCode()).isEqualTo(200);
    assertThat(json(patched).path("result").path("sys_updated_on").asText())
        .isEqualTo("2024-05-01 10:00:05");
    assertThat(json(patched).path("result").path("sys_mod_count").asText()).isEqualTo("1");
    assertThat(integration.send("PUT", TABLE + "/" + sysId, "{\"u_city\":\"Ghent\"}").statusCode())
        .isEqualTo(200);
    assertThat(acme.get(SUPPLIERS, sysId))
        .containsEntry("u_name", "N")
        .containsEntry("u_city", "Ghent");

    HttpResponse<String> deleted = integration.send("DELETE", TABLE + "/" + sysId, null);
    assertThat(deleted.statusCode()).isEqualTo(204);
    assertThat(deleted.body()).isEmpty();
    assertThat(acme.get(SUPPLIERS, sysId)).isNull();
  }

  @Test
  void missingRecordAnswers404WithTheErrorBody() {
    HttpResponse<String> r = integration.get(TABLE + "/0123456789abcdef0123456789abcdef");
    assertThat(r.statusCode()).isEqualTo(404);
    JsonNode body = json(r);
    assertThat(body.path("status").asText()).isEqualTo("failure");
    assertThat(body.path("error").path("message").asText()).isEqualTo("No Record found");
    assertThat(body.path("error").has("detail")).isTrue();
    assertThat(
            integration
                .send("PATCH", TABLE + "/0123456789abcdef0123456789abcdef", "{}")
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void invalidJsonAndUnknownTableAnswer400() {
    assertThat(integration.post(TABLE, "{not json").statusCode()).isEqualTo(400);
    HttpResponse<String> r = integration.get("/api/now/table/no_such_table");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json(r).path("error").path("message").asText())
        .isEqualTo("Invalid table no_such_table");
  }

  @Test
  void listHasResultWrapperTotalCountAndEmptyMatchIsEmptyArray() {
    insertSuppliers(3);
    HttpResponse<String> r = integration.get(TABLE);
    assertThat(json(r).path("result").size()).isEqualTo(3);
    assertThat(r.headers().firstValue("X-Total-Count")).hasValue("3");

    HttpResponse<String> none =
        integration.get(TABLE + "?sysparm_query=" + q("u_external_id=none"));
    assertThat(none.body()).isEqualTo("{\"result\":[]}");
    assertThat(none.headers().firstValue("X-Total-Count")).hasValue("0");

    HttpResponse<String> noCount = integration.get(TABLE + "?sysparm_no_count=true");
    assertThat(noCount.headers().firstValue("X-Total-Count")).isEmpty();
  }

  @Test
  void linkHeaderCarriesFirstPrevNextLastWithTheCallersParameters() {
    insertSuppliers(5);
    HttpResponse<String> first =
        integration.get(TABLE + "?sysparm_limit=2&sysparm_fields=u_external_id");
    String link = first.headers().firstValue("Link").orElseThrow();
    assertThat(link)
        .contains("sysparm_offset=0>;rel=\"first\"")
        .contains("sysparm_offset=2>;rel=\"next\"")
        .contains("sysparm_offset=4>;rel=\"last\"")
        .contains("sysparm_fields=u_external_id")
        .doesNotContain("rel=\"prev\"");
    assertThat(json(first).path("result").get(0).fieldNames())
        .toIterable()
        .containsExactly("u_external_id");

    HttpResponse<String> last = integration.get(TABLE + "?sysparm_limit=2&sysparm_offset=4");
    assertThat(json(last).path("result").size()).isEqualTo(1);
    assertThat(last.headers().firstValue("Link").orElseThrow())
        .contains("sysparm_offset=2>;rel=\"prev\"")
        .doesNotContain("rel=\"next\"");
    assertThat(
            integration
                .get(TABLE + "?sysparm_suppress_pagination_header=true")
                .headers()
                .firstValue("Link"))
        .isEmpty();
  }

  @Test
  void defaultLimitIs10000() {
    for (int i = 0; i < 10_001; i++) {
      acme.rows().insert(SUPPLIERS, Map.of("u_external_id", "S" + i), "admin");
    }
    HttpResponse<String> r = integration.get(TABLE + "?sysparm_fields=sys_id");
    assertThat(json(r).path("result").size()).isEqualTo(10_000);
    assertThat(r.headers().firstValue("X-Total-Count")).hasValue("10001");
    assertThat(r.headers().firstValue("Link").orElseThrow())
        .contains("sysparm_offset=10000>;rel=\"next\"");
  }

  @Test
  void versionedPathsAreAccepted() {
    insertSuppliers(1);
    assertThat(integration.get("/api/now/v1/table/" + SUPPLIERS).statusCode()).isEqualTo(200);
    assertThat(integration.get("/api/now/v2/table/" + SUPPLIERS).statusCode()).isEqualTo(200);
  }

  @Test
  void referencesRenderAsLinkAndValueUnlessExcluded() {
    String invoice =
        acme.insert("sn_spend_intg_outbound_invoice", Map.of("invoice_number", "I1")).get("sys_id");
    acme.insert(
        "sn_spend_intg_outbound_invoice_line", Map.of("invoice", invoice, "line_number", "1"));
    String lines = "/api/now/table/sn_spend_intg_outbound_invoice_line";

    JsonNode ref = json(integration.get(lines)).path("result").get(0).path("invoice");
    assertThat(ref.path("value").asText()).isEqualTo(invoice);
    assertThat(ref.path("link").asText())
        .isEqualTo(
            simulator.instanceUrl("acme")
                + "/api/now/table/sn_spend_intg_outbound_invoice/"
                + invoice);
    JsonNode plain =
        json(integration.get(lines + "?sysparm_exclude_reference_link=true"))
            .path("result")
            .get(0)
            .path("invoice");
    assertThat(plain.asText()).isEqualTo(invoice);
  }

  @Test
  void manyRowsInOneSecondAreReadableWithKeysetPaging() {
    insertSuppliers(7); // frozen clock: all share 2024-05-01 10:00:00
    String keyset =
        "sys_updated_on>2024-05-01 10:00:00^NQsys_updated_on=2024-05-01 10:00:00^sys_id>%s"
            + "^ORDERBYsys_updated_on^ORDERBYsys_id";
    java.util.Set<String> seen = new java.util.HashSet<>();
    String lastId = "";
    for (int page = 0; page < 10; page++) {
      JsonNode rows =
          json(integration.get(
                  TABLE + "?sysparm_limit=3&sysparm_query=" + q(String.format(keyset, lastId))))
              .path("result");
      if (rows.isEmpty()) {
        break;
      }
      for (JsonNode row : rows) {
        assertThat(row.path("sys_id").asText()).isGreaterThan(lastId);
        seen.add(row.path("sys_id").asText());
      }
      lastId = rows.get(rows.size() - 1).path("sys_id").asText();
    }
    assertThat(seen).hasSize(7);
  }

  @Test
  void unknownFieldIsIgnoredUnlessTheInstanceSaysNoRows() {
    insertSuppliers(3);
    String query = TABLE + "?sysparm_query=" + q("u_no_such_field=1");
    assertThat(json(integration.get(query)).path("result").size()).isEqualTo(3);

    acme.setProperty(ServiceNowInstance.INVALID_QUERY_PROPERTY, "true");
    assertThat(json(integration.get(query)).path("result").size()).isZero();
  }
}

package io.mlconnector.sandbox.servicenow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.servicenow.ServiceNowException;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A real third-party client, Apache Camel's ServiceNow component (OAuth password grant, CXF
 * WebClient, its own Link-header parsing), reads and writes the simulator's staging table.
 */
class CamelServiceNowClientTest extends SimulatorFixture {
  private CamelContext camel;
  private ProducerTemplate template;
  private String endpoint;

  @BeforeEach
  void startCamel() {
    acme.addOAuthClient("camel", "camel-secret", null);
    String url = simulator.instanceUrl("acme");
    endpoint =
        "servicenow:acme?apiUrl=RAW("
            + url
            + "/api)&oauthTokenUrl=RAW("
            + url
            + "/oauth_token.do)&oauthClientId=camel&oauthClientSecret=RAW(camel-secret)"
            + "&userName="
            + INTEGRATION_USER
            + "&password=RAW("
            + PASSWORD
            + ")&table="
            + SUPPLIERS;
    camel = new DefaultCamelContext();
    camel.start();
    template = camel.createProducerTemplate();
  }

  @AfterEach
  void stopCamel() throws Exception {
    camel.close();
  }

  private Exchange send(String action, Object body, Map<String, Object> headers) {
    Map<String, Object> all = new HashMap<>(headers);
    all.put("CamelServiceNowResource", "table");
    all.put("CamelServiceNowAction", action);
    return template.request(
        endpoint,
        e -> {
          e.getIn().setHeaders(all);
          e.getIn().setBody(body);
        });
  }

  @Test
  @SuppressWarnings("unchecked")
  void camelCreatesReadsPagesUpdatesAndDeletesRows() {
    Exchange created =
        send("create", Map.of("u_external_id", "CAMEL-1", "u_erp_source", "QAD"), Map.of());
    assertThat(created.getException()).isNull();
    Map<String, Object> row = created.getMessage().getBody(Map.class);
    String sysId = (String) row.get("sys_id");
    assertThat(sysId).matches("[0-9a-f]{32}");
    assertThat(acme.get(SUPPLIERS, sysId)).containsEntry("sys_created_by", INTEGRATION_USER);

    insertSuppliers(4);
    Exchange page =
        send(
            "retrieve",
            null,
            Map.of(
                "CamelServiceNowQuery",
                "u_erp_source=QAD^ORDERBYu_external_id",
                "CamelServiceNowLimit",
                2));
    List<Map<String, Object>> rows = page.getMessage().getBody(List.class);
    assertThat(rows).extracting(r -> r.get("u_external_id")).containsExactly("CAMEL-1", "SUP-000");
    assertThat(page.getMessage().getHeader("CamelServiceNowOffsetNext", String.class))
        .isEqualTo("2");
    assertThat(page.getMessage().getHeader("CamelServiceNowOffsetLast", String.class))
        .isEqualTo("4");

    Exchange updated =
        send("update", Map.of("u_name", "Updated by Camel"), Map.of("CamelServiceNowSysId", sysId));
    assertThat(updated.getException()).isNull();
    assertThat(acme.get(SUPPLIERS, sysId)).containsEntry("u_name", "Updated by Camel");

    send("delete", null, Map.of("CamelServiceNowSysId", sysId));
    assertThat(acme.get(SUPPLIERS, sysId)).isNull();
    assertThat(acme.counters().count("POST", "oauth_token.do")).isEqualTo(1);
  }

  @Test
  void camelSurfacesTheDocumentedErrorBody() {
    assertThatThrownBy(
            () ->
                template.requestBodyAndHeaders(
                    endpoint,
                    null,
                    Map.of(
                        "CamelServiceNowResource", "table",
                        "CamelServiceNowAction", "retrieve",
                        "CamelServiceNowSysId", "0123456789abcdef0123456789abcdef")))
        .isInstanceOf(CamelExecutionException.class)
        .cause()
        .isInstanceOf(ServiceNowException.class)
        .hasMessageContaining("No Record found");
  }
}

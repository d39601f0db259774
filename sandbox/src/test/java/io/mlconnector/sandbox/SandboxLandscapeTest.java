package io.mlconnector.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

class SandboxLandscapeTest {
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void describedCredentialsOpenBothSystemsOfEveryTenant() throws Exception {
    try (SandboxLandscape landscape = SandboxLandscape.start(List.of("acme", "globex"), 1)) {
      JsonNode doc = json.readTree(SandboxMain.describe(landscape));
      assertThat(doc.get("tenants")).hasSize(2);
      for (JsonNode t : doc.get("tenants")) {
        JsonNode sn = t.get("servicenow");
        HttpResponse<String> token =
            post(
                sn.get("instanceUrl").asText() + "/oauth_token.do",
                "grant_type=client_credentials&client_id="
                    + sn.get("clientId").asText()
                    + "&client_secret="
                    + sn.get("clientSecret").asText());
        assertThat(token.statusCode()).isEqualTo(200);
        String bearer = json.readTree(token.body()).get("access_token").asText();
        HttpResponse<String> costCenters =
            http.send(
                HttpRequest.newBuilder(
                        URI.create(
                            sn.get("instanceUrl").asText()
                                + "/api/now/table/cmn_cost_center?sysparm_limit=1"))
                    .header("Authorization", "Bearer " + bearer)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(costCenters.headers().firstValue("X-Total-Count").orElseThrow())
            .isNotEqualTo("0");

        JsonNode qad = t.get("qad");
        HttpResponse<String> qadToken =
            post(
                qad.get("tenantUrl").asText() + "/oauth/token",
                "grant_type=password&client_id="
                    + qad.get("clientId").asText()
                    + "&username="
                    + qad.get("username").asText()
                    + "&password="
                    + qad.get("password").asText());
        assertThat(qadToken.statusCode()).isEqualTo(200);
      }
    }
  }

  private HttpResponse<String> post(String url, String form) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}

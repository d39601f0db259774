package io.mlconnector.sandbox.servicenow;

import static io.mlconnector.sandbox.servicenow.SnHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuthTest extends SimulatorFixture {
  private static final String TABLE = "/api/now/table/" + SUPPLIERS;
  private String tokenUrl;

  @BeforeEach
  void registerClient() {
    acme.addOAuthClient("mlc", "client-secret", INTEGRATION_USER, Duration.ofSeconds(60));
    tokenUrl = simulator.instanceUrl("acme") + "/oauth_token.do";
  }

  private HttpResponse<String> clientCredentials(String secret) {
    return SnHttp.form(
        tokenUrl, "grant_type", "client_credentials", "client_id", "mlc", "client_secret", secret);
  }

  @Test
  void clientCredentialsAreRefusedUntilTheSystemPropertyIsSet() {
    HttpResponse<String> refused = clientCredentials("client-secret");
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.body())
        .isEqualTo("{\"error_description\":\"access_denied\",\"error\":\"server_error\"}");

    acme.enableClientCredentialsGrant();
    assertThat(clientCredentials("client-secret").statusCode()).isEqualTo(200);
    assertThat(clientCredentials("wrong").statusCode()).isEqualTo(401);
  }

  @Test
  void tokenActsAsTheApplicationUserAndExpiresAfterExpiresIn() {
    acme.enableClientCredentialsGrant();
    JsonNode token = json(clientCredentials("client-secret"));
    assertThat(token.path("token_type").asText()).isEqualTo("Bearer");
    assertThat(token.path("expires_in").asLong()).isEqualTo(60);
    SnHttp bearer =
        SnHttp.bearer(simulator.instanceUrl("acme"), token.path("access_token").asText());

    HttpResponse<String> created = bearer.post(TABLE, "{\"u_external_id\":\"S1\"}");
    assertThat(json(created).path("result").path("sys_created_by").asText())
        .isEqualTo(INTEGRATION_USER);

    clock.advance(Duration.ofSeconds(60));
    assertNotAuthenticated(bearer.get(TABLE));
  }

  @Test
  void defaultLifetimeIs1800Seconds() {
    acme.addOAuthClient("other", "s", INTEGRATION_USER).enableClientCredentialsGrant();
    JsonNode token =
        json(
            SnHttp.form(
                tokenUrl,
                "grant_type",
                "client_credentials",
                "client_id",
                "other",
                "client_secret",
                "s"));
    assertThat(token.path("expires_in").asLong()).isEqualTo(1800);
  }

  @Test
  void revokedTokenIsRejectedImmediately() {
    acme.enableClientCredentialsGrant();
    String accessToken = json(clientCredentials("client-secret")).path("access_token").asText();
    SnHttp bearer = SnHttp.bearer(simulator.instanceUrl("acme"), accessToken);
    assertThat(bearer.get(TABLE).statusCode()).isEqualTo(200);

    acme.tokens().revoke(accessToken);
    assertNotAuthenticated(bearer.get(TABLE));
  }

  @Test
  void passwordGrantIssuesARefreshTokenThatRenews() {
    HttpResponse<String> granted =
        SnHttp.form(
            tokenUrl,
            "grant_type",
            "password",
            "client_id",
            "mlc",
            "client_secret",
            "client-secret",
            "username",
            INTEGRATION_USER,
            "password",
            PASSWORD);
    String refresh = json(granted).path("refresh_token").asText();
    assertThat(refresh).isNotEmpty();
    HttpResponse<String> renewed =
        SnHttp.form(
            tokenUrl,
            "grant_type",
            "refresh_token",
            "client_id",
            "mlc",
            "client_secret",
            "client-secret",
            "refresh_token",
            refresh);
    assertThat(renewed.statusCode()).isEqualTo(200);
    assertThat(json(renewed).path("access_token").asText())
        .isNotEqualTo(json(granted).path("access_token").asText());
  }

  @Test
  void missingOrWrongCredentialsAnswer401WithTheDocumentedBody() {
    assertNotAuthenticated(SnHttp.anonymous(simulator.instanceUrl("acme")).get(TABLE));
    assertNotAuthenticated(
        SnHttp.basic(simulator.instanceUrl("acme"), INTEGRATION_USER, "bad").get(TABLE));
    assertNotAuthenticated(SnHttp.bearer(simulator.instanceUrl("acme"), "made-up").get(TABLE));
  }

  private static void assertNotAuthenticated(HttpResponse<String> r) {
    assertThat(r.statusCode()).isEqualTo(401);
    JsonNode body = json(r);
    assertThat(body.path("error").path("message").asText()).isEqualTo("User Not Authenticated");
    assertThat(body.path("error").path("detail").asText())
        .isEqualTo("Required to provide Auth information");
    assertThat(body.path("status").asText()).isEqualTo("failure");
  }
}

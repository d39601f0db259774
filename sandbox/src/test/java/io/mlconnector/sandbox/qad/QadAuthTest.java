package io.mlconnector.sandbox.qad;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Token grants, expiry, refresh, revocation and the workspace header. */
class QadAuthTest {
  private final SettableClock clock = new SettableClock(Instant.parse("2025-03-01T10:00:00Z"));
  private QadSimulator qad;
  private QadTenant tenant;
  private QadTestClient client;

  @BeforeEach
  void start() {
    qad = QadSimulator.start(0, clock);
    tenant =
        qad.addTenant(QadTenantConfig.defaults("acme").withTokenLifetime(Duration.ofSeconds(2)));
    QadFixtures.masterData(tenant);
    client = new QadTestClient(qad, tenant.config());
  }

  @AfterEach
  void stop() {
    qad.close();
  }

  private QadTestClient.Reply readSuppliers() {
    return client.browse("urn:browse:mfg:vd_mstr", 1, 10, List.of());
  }

  @Test
  void passwordGrantIssuesBearerTokensThatOpenTheApi() {
    QadTestClient.Reply reply =
        client.tokenRequest(
            "client_id=mlc-connector&grant_type=password&username=mlc.integration&password=sandbox-acme");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("token_type").asText()).isEqualTo("Bearer");
    assertThat(reply.json().get("expires_in").asLong()).isEqualTo(2);
    assertThat(reply.json().get("access_token").asText()).isNotBlank();
    assertThat(reply.json().get("refresh_token").asText()).isNotBlank();

    client.accessToken = reply.json().get("access_token").asText();
    assertThat(readSuppliers().status()).isEqualTo(200);
  }

  @Test
  void wrongCredentialsAreRefused() {
    assertThat(
            client
                .tokenRequest(
                    "client_id=nope&grant_type=password&username=mlc.integration&password=x")
                .status())
        .isEqualTo(401);
    QadTestClient.Reply badPassword =
        client.tokenRequest(
            "client_id=mlc-connector&grant_type=password&username=mlc.integration&password=wrong");
    assertThat(badPassword.status()).isEqualTo(400);
    assertThat(badPassword.json().get("error").asText()).isEqualTo("invalid_grant");
  }

  @Test
  void apiCallsWithoutOrWithUnknownTokenAre401() {
    assertThat(readSuppliers().status()).isEqualTo(401);
    client.accessToken = "forged";
    QadTestClient.Reply reply = readSuppliers();
    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.header("WWW-Authenticate")).contains("invalid_token");
  }

  @Test
  void tokenExpiresAfterItsLifetimeAndRefreshRenewsIt() {
    client.login();
    clock.advance(Duration.ofSeconds(1));
    assertThat(readSuppliers().status()).isEqualTo(200);
    clock.advance(Duration.ofSeconds(1));
    QadTestClient.Reply expired = readSuppliers();
    assertThat(expired.status()).isEqualTo(401);
    assertThat(expired.json().get("error_description").asText()).contains("expired");

    String usedRefresh = client.refreshToken;
    QadTestClient.Reply renewed =
        client.tokenRequest(
            "client_id=mlc-connector&grant_type=refresh_token&refresh_token=" + usedRefresh);
    assertThat(renewed.status()).isEqualTo(200);
    client.accessToken = renewed.json().get("access_token").asText();
    assertThat(readSuppliers().status()).isEqualTo(200);

    // refresh tokens rotate: the used one is gone
    assertThat(
            client
                .tokenRequest(
                    "client_id=mlc-connector&grant_type=refresh_token&refresh_token=" + usedRefresh)
                .status())
        .isEqualTo(400);
  }

  @Test
  void revokedTokensStopWorkingAndCannotBeRefreshed() {
    client.login();
    tenant.revokeTokens();
    assertThat(readSuppliers().status()).isEqualTo(401);
    assertThat(
            client
                .tokenRequest(
                    "client_id=mlc-connector&grant_type=refresh_token&refresh_token="
                        + client.refreshToken)
                .status())
        .isEqualTo(400);
    client.login();
    assertThat(readSuppliers().status()).isEqualTo(200);
  }

  @Test
  void adminEndpointRevokesTokens() {
    client.login();
    assertThat(client.admin("POST", "/tokens/revoke", null).status()).isEqualTo(204);
    assertThat(readSuppliers().status()).isEqualTo(401);
  }

  @Test
  void workspaceHeaderIsRequiredAndMustMatch() {
    client.login();
    client.workspace = null;
    QadTestClient.Reply missing = readSuppliers();
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().at("/errors/0/code").asText()).isEqualTo("WORKSPACE_REQUIRED");
    assertThat(missing.json().at("/errors/0/fieldName").asText()).isEqualTo("x-qad-workspace-id");

    client.workspace = "20CAN_20CANCO";
    QadTestClient.Reply wrong = readSuppliers();
    assertThat(wrong.status()).isEqualTo(403);
    assertThat(wrong.json().at("/errors/0/message").asText()).contains("20CAN_20CANCO");
  }

  @Test
  void tenantsAreIsolated() {
    QadTenant other = qad.addTenant("globex");
    client.login();
    QadTestClient otherClient = new QadTestClient(qad, other.config());
    otherClient.accessToken = client.accessToken;
    assertThat(otherClient.browse("urn:browse:mfg:vd_mstr", 1, 10, List.of()).status())
        .isEqualTo(401);
    assertThat(qad.tenantUrl("globex").toString()).endsWith("/qad/globex/clouderp");
  }
}

package io.mlconnector.qadclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.common.event.EntityType;
import io.mlconnector.qadclient.browse.BrowseQuery;
import io.mlconnector.sandbox.http.StubServer;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class QadClientAuthTest {
  private static final String TOKEN = "POST /oauth/token";
  private static final String BROWSE = "GET /api/qracore/browses";
  private final SandboxQad sandbox = new SandboxQad("auth", Duration.ofSeconds(100));

  @AfterEach
  void close() {
    sandbox.close();
  }

  @Test
  void tokenIsRenewedAheadOfExpirySoNoCallIsEverRejected() {
    QadClient client = sandbox.client();
    client.browse(EntityType.SUPPLIER, BrowseQuery.all(1, 5));
    sandbox.clock.advance(Duration.ofSeconds(79));
    client.browse(EntityType.SUPPLIER, BrowseQuery.all(1, 5));
    assertThat(sandbox.calls(TOKEN)).as("still within 80%% of expires_in").isEqualTo(1);

    sandbox.clock.advance(Duration.ofSeconds(2)); // 81 s of 100: renew ahead, before QAD expires it
    client.browse(EntityType.SUPPLIER, BrowseQuery.all(1, 5));
    sandbox.clock.advance(Duration.ofSeconds(81)); // the renewed token too: renew again
    client.browse(EntityType.SUPPLIER, BrowseQuery.all(1, 5));

    assertThat(sandbox.calls(TOKEN)).isEqualTo(3);
    assertThat(sandbox.calls(BROWSE)).as("no browse was answered 401 and retried").isEqualTo(4);
  }

  @Test
  void twentySecondTokensCostOneRequestPerRenewalNotOnePerCall() {
    try (SandboxQad shortLived = new SandboxQad("short", Duration.ofSeconds(20))) {
      QadClient client = shortLived.client();
      for (int second = 0; second < 40; second++) {
        client.browse(EntityType.SUPPLIER, BrowseQuery.all(1, 5));
        shortLived.clock.advance(Duration.ofSeconds(1));
      }
      // Renewed at 16 s of each 20 s token: tokens at 0, 16 and 32 s, none expired in use.
      assertThat(shortLived.calls(TOKEN)).isEqualTo(3);
      assertThat(shortLived.calls(BROWSE)).as("no browse answered 401").isEqualTo(40);
    }
  }

  @Test
  void concurrentCallersShareOneRenewal() throws Exception {
    QadClient client = sandbox.client();
    client.browse(EntityType.SUPPLIER, BrowseQuery.all(1, 5));
    sandbox.clock.advance(Duration.ofSeconds(90));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> calls = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        calls.add(pool.submit(() -> client.browse(EntityType.PROJECT, BrowseQuery.all(1, 5))));
      }
      for (Future<?> f : calls) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    assertThat(sandbox.calls(TOKEN)).isEqualTo(2);
  }

  @Test
  void revokedTokenIsReplacedOnceAndTheCallSucceeds() {
    QadClient client = sandbox.client();
    client.browse(EntityType.SUPPLIER, BrowseQuery.all(1, 5));
    sandbox.qad.revokeTokens();

    var page = client.browse(EntityType.SUPPLIER, BrowseQuery.all(1, 5));

    assertThat(page.rows()).hasSize(5);
    assertThat(sandbox.calls(BROWSE)).as("one 401, one retry").isEqualTo(3);
    // One renewal after the 401: the password grant again.
    assertThat(sandbox.calls(TOKEN)).isEqualTo(2);
  }

  @Test
  void wrongPasswordIsAnAuthErrorWithAHint() {
    QadClient client =
        sandbox.client(
            SandboxQad.tenant("auth", sandbox.simulator.tenantUrl("auth"), "wrong"),
            SandboxQad.settings());
    assertThatThrownBy(() -> client.browse(EntityType.SUPPLIER, BrowseQuery.all(1, 5)))
        .isInstanceOf(QadAuthException.class)
        .hasMessageContaining("invalid_grant")
        .satisfies(
            e -> assertThat(((QadAuthException) e).hint()).contains("username and password"));
    assertThat(sandbox.calls(BROWSE)).isZero();
  }

  @Test
  void tokenRejectedEvenWhenFreshGivesOneRetryThenAClearError() throws Exception {
    AtomicInteger apiCalls = new AtomicInteger();
    AtomicInteger tokenCalls = new AtomicInteger();
    StubServer server =
        StubServer.start(
            exchange -> {
              boolean token = exchange.getRequestURI().getPath().endsWith("/oauth/token");
              (token ? tokenCalls : apiCalls).incrementAndGet();
              StubServer.reply(
                  exchange,
                  token ? 200 : 401,
                  token
                      ? "{\"access_token\":\"a\",\"refresh_token\":\"r\",\"expires_in\":3600}"
                      : "{\"error\":\"invalid_token\"}");
            });
    try {
      QadClient client =
          sandbox.client(
              SandboxQad.tenant("stub", server.uri("/clouderp"), "p"), SandboxQad.settings());
      assertThatThrownBy(() -> client.browse(EntityType.SUPPLIER, BrowseQuery.all(1, 5)))
          .isInstanceOf(QadAuthException.class)
          .hasMessageContaining("freshly issued token")
          .hasMessageContaining("workspace id");
      assertThat(apiCalls.get()).isEqualTo(2);
      assertThat(tokenCalls.get()).as("one renewal after the first 401").isEqualTo(2);
    } finally {
      server.close();
    }
  }

  @Test
  void aThrottledGrantWaitsAndIsTriedAgainLikeAnyCall() {
    sandbox.qad.faults().setRetryAfterSeconds(1).setThrottleRequests(1);
    QadClient client = sandbox.client();

    var page = client.browse(EntityType.SUPPLIER, BrowseQuery.all(1, 5));

    assertThat(page.rows()).hasSize(5);
    assertThat(sandbox.calls(TOKEN)).as("429, then the token").isEqualTo(2);
    assertThat(sandbox.calls(BROWSE)).isEqualTo(1);
  }

  @Test
  void aRedirectFromTheTokenEndpointIsNotFollowed() throws Exception {
    AtomicInteger elsewhere = new AtomicInteger();
    StubServer target =
        StubServer.start(
            exchange -> {
              elsewhere.incrementAndGet();
              StubServer.reply(exchange, 200, "");
            });
    try {
      sandbox.qad.faults().setTokenRedirect(target.uri("").toString());
      QadClient client = sandbox.client();

      assertThatThrownBy(() -> client.browse(EntityType.SUPPLIER, BrowseQuery.all(1, 5)))
          .isInstanceOf(QadAuthException.class)
          .hasMessageContaining("HTTP 303")
          .hasMessageContaining("not followed");
      assertThat(sandbox.calls(TOKEN)).as("one grant, answered 303").isEqualTo(1);
      assertThat(elsewhere.get()).as("the password grant never went to the redirect").isZero();
      assertThat(sandbox.calls(BROWSE)).as("no call without a token").isZero();
    } finally {
      target.close();
    }
  }
}

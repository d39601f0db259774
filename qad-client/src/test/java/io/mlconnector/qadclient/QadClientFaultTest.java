package io.mlconnector.qadclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.mlconnector.common.event.EntityType;
import io.mlconnector.qadclient.browse.BrowseQuery;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class QadClientFaultTest {
  /** The breaker's open time: short, as the breaker waits it out in real time. */
  private static final Duration BREAKER_DELAY = Duration.ofMillis(500);

  private static final String BROWSE = "GET /api/qracore/browses";
  private final SandboxQad sandbox = new SandboxQad("faults", Duration.ofHours(1));

  @AfterEach
  void close() {
    sandbox.close();
  }

  @Test
  void throttlingStormIsWaitedOutHonouringRetryAfter() {
    QadClient client = sandbox.client();
    client.browse(EntityType.SUPPLIER, BrowseQuery.all(1, 5)); // logged in
    sandbox.qad.faults().setThrottleRequests(2).setRetryAfterSeconds(1);

    var page = client.browse(EntityType.SUPPLIER, BrowseQuery.all(1, 5));

    assertThat(page.rows()).hasSize(5);
    assertThat(sandbox.calls(BROWSE)).isEqualTo(4);
    // The simulator's ground truth: no retry came back before its 429's Retry-After had passed.
    assertThat(sandbox.simulator.retryAfterViolations()).isZero();
    assertThat(sandbox.simulator.throttleViolationsByClient()).isEmpty();
  }

  @Test
  void serverErrorsAreRetriedWithBackoff() throws Exception {
    QadClient client =
        sandbox.client(
            sandbox.tenant,
            SandboxQad.settings().withBackoff(3, Duration.ofSeconds(1), Duration.ofSeconds(2)));
    client.browse(EntityType.SUPPLIER, BrowseQuery.all(1, 5));
    sandbox.qad.faults().setServerErrorRate(1.0);
    sandbox.qad.counters().reset();

    var page =
        CompletableFuture.supplyAsync(
            () -> client.browse(EntityType.PROJECT, BrowseQuery.all(1, 5)));
    // QAD recovers while the client backs off (at least half the 1 s base before its retry)
    await().atMost(Duration.ofSeconds(5)).until(() -> sandbox.calls(BROWSE) >= 1);
    sandbox.qad.faults().clear();

    assertThat(page.get(10, TimeUnit.SECONDS).rows()).isNotEmpty();
    assertThat(sandbox.calls(BROWSE)).as("one 503, one retry").isEqualTo(2);
  }

  @Test
  void persistentServerErrorsGiveUpAfterTheAttemptBudget() {
    QadClient client = sandbox.client();
    client.browse(EntityType.SUPPLIER, BrowseQuery.all(1, 5));
    sandbox.qad.faults().setServerErrorRate(1.0);
    sandbox.qad.counters().reset();

    assertThatThrownBy(() -> client.browse(EntityType.SUPPLIER, BrowseQuery.all(1, 5)))
        .isInstanceOf(QadUnavailableException.class)
        .hasMessageContaining("HTTP 503")
        .hasMessageContaining("3 attempt(s)");
    assertThat(sandbox.calls(BROWSE)).isEqualTo(3);
  }

  @Test
  void htmlMaintenancePageIsAClearErrorNotAParserTrace() {
    QadClient client = sandbox.client();
    client.browse(EntityType.SUPPLIER, BrowseQuery.all(1, 5));
    sandbox.qad.faults().setHtmlBodyRate(1.0);

    assertThatThrownBy(() -> client.browse(EntityType.SUPPLIER, BrowseQuery.all(1, 5)))
        .isInstanceOf(QadMalformedResponseException.class)
        .hasMessageContaining("HTML page instead of JSON")
        .hasMessageNotContaining("jackson")
        .hasNoCause();
  }

  @Test
  void truncatedJsonIsAClearError() {
    QadClient client = sandbox.client();
    client.browse(EntityType.SUPPLIER, BrowseQuery.all(1, 5));
    sandbox.qad.faults().setTruncatedBodyRate(1.0);

    assertThatThrownBy(() -> client.browse(EntityType.SUPPLIER, BrowseQuery.all(1, 5)))
        .isInstanceOf(QadMalformedResponseException.class)
        .hasMessageContaining("not valid JSON")
        .hasNoCause();
  }

  @Test
  void openBreakerFailsFastWithoutCallingQad() throws InterruptedException {
    QadClient client =
        sandbox.client(
            sandbox.tenant,
            SandboxQad.settings()
                .withBackoff(1, Duration.ofMillis(1), Duration.ofMillis(1))
                .withBreaker(2, BREAKER_DELAY));
    client.browse(EntityType.SUPPLIER, BrowseQuery.all(1, 5));
    sandbox.qad.faults().setServerErrorRate(1.0);
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> client.browse(EntityType.SUPPLIER, BrowseQuery.all(1, 5)))
          .isInstanceOf(QadUnavailableException.class);
    }
    sandbox.qad.counters().reset();

    assertThatThrownBy(() -> client.browse(EntityType.SUPPLIER, BrowseQuery.all(1, 5)))
        .hasMessageContaining("circuit breaker open");
    assertThat(sandbox.calls(BROWSE)).isZero();

    sandbox.qad.faults().clear();
    // past openFor (SmallRye's breaker delay runs on real time): one trial call closes it
    Thread.sleep(BREAKER_DELAY.multipliedBy(2).toMillis());
    assertThat(client.browse(EntityType.SUPPLIER, BrowseQuery.all(1, 5)).rows()).hasSize(5);
    assertThat(client.unavailable()).isFalse();
  }
}

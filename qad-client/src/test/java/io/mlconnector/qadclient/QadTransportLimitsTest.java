package io.mlconnector.qadclient;

import static io.mlconnector.sandbox.http.StubServer.reply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlconnector.common.event.EntityType;
import io.mlconnector.common.http.RetryAfter;
import io.mlconnector.qadclient.browse.BrowseQuery;
import io.mlconnector.sandbox.http.StubServer;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Bounds of the transport: Retry-After cap, answer size limit, breaker trials. */
@QuarkusTest
class QadTransportLimitsTest {
  private static final String BROWSE = "GET /api/qracore/browses";
  private static final String EMPTY_PAGE = "{\"data\":[],\"more\":false}";
  private final SandboxQad sandbox = new SandboxQad("limits", Duration.ofHours(1));
  private final AtomicReference<String> mode = new AtomicReference<>("ok");
  private final AtomicInteger apiCalls = new AtomicInteger();
  private final List<Instant> arrivals = new CopyOnWriteArrayList<>();
  private final AtomicReference<String> retryAfterDate = new AtomicReference<>();
  private StubServer stub;

  @AfterEach
  void close() {
    sandbox.close();
    if (stub != null) {
      stub.close();
    }
  }

  @Test
  void retryAfterAboveTheCapOpensTheBreakerInsteadOfHoldingTheThread() {
    QadClient client = sandbox.clientOnSimulatorClock();
    client.browse(EntityType.SUPPLIER, BrowseQuery.all(1, 5));
    sandbox.qad.faults().setThrottleRequests(1).setRetryAfterSeconds(86400);
    long before = sandbox.calls(BROWSE);

    // The thread is handed back at once (not after a day), with the reason.
    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () ->
            assertThatThrownBy(() -> client.browse(EntityType.SUPPLIER, BrowseQuery.all(1, 5)))
                .isInstanceOf(QadUnavailableException.class)
                .hasMessageContaining("86400 s is above the cap"));

    assertThat(client.unavailable()).isTrue();
    assertThatThrownBy(() -> client.browse(EntityType.SUPPLIER, BrowseQuery.all(1, 5)))
        .hasMessageContaining("circuit breaker open");
    assertThat(sandbox.calls(BROWSE)).isEqualTo(before + 1);
    sandbox.clock.advance(Duration.ofSeconds(86401));
    assertThat(client.browse(EntityType.SUPPLIER, BrowseQuery.all(1, 5)).rows()).hasSize(5);
  }

  @Test
  void retryAfterIsReadInBothForms() {
    Clock clock = Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC);
    assertThat(RetryAfter.parse(" 7 ", clock)).contains(Duration.ofSeconds(7));
    assertThat(RetryAfter.parse("Sat, 01 Mar 2025 10:01:30 GMT", clock))
        .contains(Duration.ofSeconds(90));
    assertThat(RetryAfter.parse("Sat, 01 Mar 2025 09:00:00 GMT", clock)).contains(Duration.ZERO);
    assertThat(RetryAfter.parse("soon", clock)).isEmpty();
  }

  @Test
  void retryAfterAsAnHttpDateIsWaitedOutUntilThatDate() throws Exception {
    QadClient client = stubClient(SandboxQad.settings());
    client.browse(EntityType.SUPPLIER, BrowseQuery.all(1, 5)); // logged in
    Instant until = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
    retryAfterDate.set(
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            ZonedDateTime.ofInstant(until, ZoneOffset.UTC)));
    mode.set("429-once");
    arrivals.clear();

    assertThat(client.browse(EntityType.SUPPLIER, BrowseQuery.all(1, 5)).rows()).isEmpty();

    assertThat(arrivals).hasSize(2);
    assertThat(arrivals.get(1))
        .as("the retry came at or after the date asked")
        .isAfterOrEqualTo(until);
  }

  @Test
  void aReadThatTimedOutIsRetried() throws Exception {
    QadClient client = loggedInClientFacing("slow-once");

    assertThat(client.browse(EntityType.SUPPLIER, BrowseQuery.all(1, 5)).rows()).isEmpty();
    assertThat(apiCalls.get()).as("one timed out, one retry").isEqualTo(2);
  }

  @Test
  void aPostThatTimedOutIsNotSentAgain() throws Exception {
    QadClient client = loggedInClientFacing("slow-once");

    assertThatThrownBy(
            () ->
                client.createSupplierInvoice(
                    new ObjectMapper().createObjectNode().put("invoiceReference", "INV-T")))
        .isInstanceOf(QadOutcomeUnknownException.class)
        .hasMessageContaining("not re-sent");
    assertThat(apiCalls.get()).isEqualTo(1);
  }

  /**
   * A client on {@link #shortTimeout()} that has already logged in, whose stub answers the next API
   * requests in {@code nextMode}, with the API request count set back to zero.
   */
  private QadClient loggedInClientFacing(String nextMode) throws Exception {
    QadClient client = stubClient(shortTimeout());
    client.browse(EntityType.SUPPLIER, BrowseQuery.all(1, 5)); // the login and its first call
    mode.set(nextMode);
    apiCalls.set(0);
    return client;
  }

  /** Three attempts of at most 300 ms each, millisecond backoff. */
  private static QadClientSettings shortTimeout() {
    QadClientSettings d = SandboxQad.settings();
    return new QadClientSettings(
        d.connectTimeout(),
        Duration.ofMillis(300),
        3,
        Duration.ofMillis(10),
        Duration.ofMillis(50),
        d.maxThrottledRetries(),
        d.tokenRefreshRatio(),
        d.breakerFailureThreshold(),
        d.breakerOpenFor(),
        d.retryAfterCap(),
        d.maxBodyBytes());
  }

  @Test
  void aFiftyMegabyteAnswerIsRefusedWithoutBeingRead() throws Exception {
    mode.set("huge");
    QadClient client = stubClient(SandboxQad.settings());

    assertThatThrownBy(() -> client.browse(EntityType.SUPPLIER, BrowseQuery.all(1, 5)))
        .isInstanceOf(QadUnavailableException.class)
        .hasMessageContaining("larger than the limit of 16777216 bytes");
  }

  @Test
  void anAnswerThatNeverEndsIsGivenUpAtItsDeadlineNotBufferedForEver() throws Exception {
    QadClient client = loggedInClientFacing("trickle");

    // Each piece comes well within the 300 ms read timeout; the whole answer is due in 600 ms.
    assertTimeoutPreemptively(
        Duration.ofSeconds(10),
        () ->
            assertThatThrownBy(() -> client.browse(EntityType.SUPPLIER, BrowseQuery.all(1, 5)))
                .isInstanceOf(QadUnavailableException.class)
                .hasMessageContaining("not complete"));
    assertThat(apiCalls.get()).as("a read: each of its 3 attempts given up").isEqualTo(3);
  }

  @Test
  void halfOpenTrialEndingInAnAuthErrorClosesTheBreaker() throws Exception {
    QadClient client =
        stubClient(
            SandboxQad.settings()
                .withBackoff(1, Duration.ofMillis(1), Duration.ofMillis(1))
                .withBreaker(1, Duration.ofMillis(500)));
    mode.set("503");
    assertThatThrownBy(() -> client.browse(EntityType.SUPPLIER, BrowseQuery.all(1, 5)))
        .hasMessageContaining("HTTP 503");
    assertThat(client.unavailable()).isTrue();
    Thread.sleep(1000); // past the open time, which SmallRye's breaker measures in real time

    mode.set("401");
    assertThatThrownBy(() -> client.browse(EntityType.SUPPLIER, BrowseQuery.all(1, 5)))
        .isInstanceOf(QadAuthException.class);

    mode.set("ok");
    assertThat(client.browse(EntityType.SUPPLIER, BrowseQuery.all(1, 5)).rows()).isEmpty();
    assertThat(client.unavailable()).isFalse();
  }

  private QadClient stubClient(QadClientSettings settings) throws Exception {
    stub =
        StubServer.start(
            exchange -> {
              if (exchange.getRequestURI().getPath().endsWith("/oauth/token")) {
                reply(
                    exchange,
                    200,
                    "{\"access_token\":\"a\",\"refresh_token\":\"r\",\"expires_in\":3600}");
                return;
              }
              apiCalls.incrementAndGet();
              arrivals.add(Instant.now());
              switch (mode.get()) {
                case "429-once" -> {
                  mode.set("ok");
                  exchange.getResponseHeaders().add("Retry-After", retryAfterDate.get());
                  reply(exchange, 429, "{}");
                }
                case "503" -> reply(exchange, 503, "{}");
                case "slow-once" -> {
                  mode.set("ok");
                  // past the client's request timeout: no answer in time
                  StubServer.replyLate(exchange, Duration.ofMillis(1500), 200, EMPTY_PAGE);
                }
                case "401" -> reply(exchange, 401, "{\"error\":\"invalid_token\"}");
                case "huge" -> StubServer.chunked(exchange, 50);
                case "trickle" ->
                    StubServer.trickle(exchange, Duration.ofMillis(50), Duration.ofSeconds(20));
                default -> reply(exchange, 200, EMPTY_PAGE);
              }
            });
    if (settings.requestTimeout().compareTo(Duration.ofSeconds(1)) < 0) {
      // A cold JVM's first token grant and call (class loading, the HTTP stacks' first
      // connections) can take longer than the short timeouts these tests use: warm them first.
      sandbox
          .client(SandboxQad.tenant("warm-up", stub.uri("/clouderp"), "p"), SandboxQad.settings())
          .browse(EntityType.SUPPLIER, BrowseQuery.all(1, 5));
    }
    return sandbox.client(SandboxQad.tenant("stub", stub.uri("/clouderp"), "p"), settings);
  }
}

package io.mlconnector.common.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.mlconnector.common.breaker.BreakerBoard;
import io.mlconnector.common.breaker.CircuitBreaker;
import io.mlconnector.common.ratelimit.TenantRateLimits;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The shared retry rules on a real SmallRye Guard (standalone implementation), with attempts that
 * play the system: delays are kept to a few hundred milliseconds, as SmallRye waits in real time.
 */
class CallGuardTest {
  private static final RetryPolicy POLICY =
      new RetryPolicy(3, Duration.ofMillis(20), Duration.ofMillis(40), 2, Duration.ofSeconds(10));

  /** Fleet limits that hand out the queued pauses first and record every 429 told. */
  private static final class Fleet implements TenantRateLimits {
    final Deque<Duration> pauses = new ArrayDeque<>();
    final List<Duration> throttled = new CopyOnWriteArrayList<>();
    int asked;

    @Override
    public synchronized Duration beforeCall(String tenant, String system) {
      asked++;
      Duration pause = pauses.poll();
      return pause == null ? Duration.ZERO : pause;
    }

    @Override
    public void throttled(String tenant, String system, Duration wait) {
      throttled.add(wait);
    }
  }

  private static final class Unavailable extends RuntimeException {
    Unavailable(String message) {
      super(message);
    }
  }

  private final Fleet fleet = new Fleet();
  private final CircuitBreaker breaker =
      new CircuitBreaker(
          "acme",
          TenantRateLimits.QAD,
          50,
          Duration.ofSeconds(30),
          Clock.systemUTC(),
          Unavailable.class::isInstance,
          BreakerBoard.NONE);
  private final CallGuard guard =
      new CallGuard("acme", TenantRateLimits.QAD, POLICY, fleet, breaker);
  private final List<Instant> sent = new ArrayList<>();

  /** An attempt that plays {@code script} (one step per attempt), then answers "ok". */
  private Function<Attempt, String> system(List<Function<Attempt, RuntimeException>> script) {
    return a -> {
      sent.add(Instant.now());
      int i = a.number() - 1;
      if (i < script.size()) {
        throw script.get(i).apply(a);
      }
      return "ok";
    };
  }

  private static Function<Attempt, RuntimeException> outage() {
    return a -> TryAgain.failed(n -> new Unavailable("HTTP 503 (gave up after " + n + ")"));
  }

  private static Function<Attempt, RuntimeException> throttled(String retryAfter) {
    return a ->
        TryAgain.throttled(
            Optional.ofNullable(retryAfter), n -> new Unavailable("still 429 after " + n));
  }

  @Test
  void retryAfterInSecondsIsWaitedInFullAndToldToTheFleet() {
    String answer = guard.call(Resend.ALLOWED, system(List.of(throttled("1"))), String.class);

    assertThat(answer).isEqualTo("ok");
    assertThat(sent).hasSize(2);
    assertThat(Duration.between(sent.get(0), sent.get(1)))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(fleet.throttled).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void retryAfterAsAnHttpDateIsNotRetriedBeforeThatDate() {
    Instant at = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
    String date =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(at, ZoneOffset.UTC));

    guard.call(Resend.ALLOWED, system(List.of(throttled(date))), String.class);

    assertThat(sent).hasSize(2);
    assertThat(sent.get(1)).isAfterOrEqualTo(at);
  }

  @Test
  void aPostThrottledWith429IsSentAgainAfterTheWait() {
    assertThat(guard.call(Resend.NEVER, system(List.of(throttled("0"))), String.class))
        .isEqualTo("ok");
    assertThat(sent).hasSize(2);
  }

  @Test
  void retryAfterAboveTheCapOpensTheBreakerAndHandsTheThreadBack() {
    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () ->
            assertThatThrownBy(
                    () ->
                        guard.call(
                            Resend.ALLOWED, system(List.of(throttled("86400"))), String.class))
                .isInstanceOfSatisfying(
                    ThrottledBeyondCap.class,
                    e -> {
                      assertThat(e.waitAsked()).isEqualTo(Duration.ofDays(1));
                      assertThat(e.openUntil()).isAfter(Instant.now().plus(Duration.ofHours(23)));
                    }));

    assertThat(breaker.isOpen()).isTrue();
    assertThat(fleet.throttled).containsExactly(Duration.ofDays(1));
    assertThatThrownBy(() -> guard.call(Resend.ALLOWED, system(List.of()), String.class))
        .isInstanceOf(CircuitBreaker.Open.class);
    assertThat(sent).hasSize(1);
  }

  @Test
  void outagesOfAResendableCallAreRetriedUpToTheAttemptBudget() {
    assertThatThrownBy(
            () ->
                guard.call(
                    Resend.ALLOWED,
                    system(List.of(outage(), outage(), outage(), outage())),
                    String.class))
        .isInstanceOf(Unavailable.class)
        .hasMessageContaining("gave up after 3");
    assertThat(sent).hasSize(3);
  }

  @Test
  void anOutageThenAnAnswerIsOneRetry() {
    assertThat(guard.call(Resend.ALLOWED, system(List.of(outage())), String.class)).isEqualTo("ok");
    assertThat(sent).hasSize(2);
  }

  @Test
  void aPostWhoseOutcomeIsUnknownIsNeverSentAgain() {
    assertThatThrownBy(
            () -> guard.call(Resend.NEVER, system(List.of(outage(), outage())), String.class))
        .isInstanceOf(Unavailable.class);
    assertThat(sent).hasSize(1);
  }

  @Test
  void aPostThatNeverReachedTheSystemMayGoAgain() {
    Function<Attempt, RuntimeException> refused =
        a -> TryAgain.notSent(n -> new Unavailable("connection refused"));
    assertThat(guard.call(Resend.NEVER, system(List.of(refused)), String.class)).isEqualTo("ok");
    assertThat(sent).hasSize(2);
  }

  @Test
  void aRejectedTokenIsRenewedOnceThenTheCallFailsLoudly() {
    Function<Attempt, RuntimeException> rejected =
        a -> TryAgain.tokenRejected(n -> new IllegalStateException("fresh token rejected"));
    assertThat(guard.call(Resend.ALLOWED, system(List.of(rejected)), String.class)).isEqualTo("ok");

    sent.clear();
    assertThatThrownBy(
            () -> guard.call(Resend.ALLOWED, system(List.of(rejected, rejected)), String.class))
        .hasMessage("fresh token rejected");
    assertThat(sent).hasSize(2);
  }

  @Test
  void throttlingBeyondTheWaitBudgetIsATypedError() {
    assertThatThrownBy(
            () ->
                guard.call(
                    Resend.ALLOWED,
                    system(List.of(throttled("0"), throttled("0"), throttled("0"))),
                    String.class))
        .isInstanceOf(Unavailable.class)
        .hasMessage("still 429 after 2");
    assertThat(sent).hasSize(3);
  }

  @Test
  void theFleetsPauseIsWaitedOutBeforeSendingAndTheTurnIsNotAskedTwice() {
    fleet.pauses.add(Duration.ofMillis(300));
    Instant start = Instant.now();

    assertThat(guard.call(Resend.ALLOWED, system(List.of()), String.class)).isEqualTo("ok");

    assertThat(sent).hasSize(1);
    assertThat(Duration.between(start, sent.get(0))).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    assertThat(fleet.asked).as("the granted turn is used, not asked for again").isEqualTo(1);
  }

  @Test
  void aFleetPauseAboveTheCapOpensTheBreakerWithoutCalling() {
    fleet.pauses.add(Duration.ofMinutes(5));

    assertThatThrownBy(() -> guard.call(Resend.ALLOWED, system(List.of()), String.class))
        .isInstanceOfSatisfying(
            ThrottledBeyondCap.class, e -> assertThat(e.reason()).contains("fleet-wide pause"));
    assertThat(sent).isEmpty();
    assertThat(breaker.isOpen()).isTrue();
  }

  @Test
  void theBreakerJudgesACallOnceAfterItsRetries() {
    CircuitBreaker tight =
        new CircuitBreaker(
            "acme",
            TenantRateLimits.QAD,
            2,
            Duration.ofSeconds(30),
            Clock.systemUTC(),
            Unavailable.class::isInstance,
            BreakerBoard.NONE);
    CallGuard guarded = new CallGuard("acme", TenantRateLimits.QAD, POLICY, fleet, tight);

    assertThatThrownBy(
            () ->
                guarded.call(
                    Resend.ALLOWED, system(List.of(outage(), outage(), outage())), String.class))
        .isInstanceOf(Unavailable.class);
    assertThat(sent).hasSize(3);
    assertThat(tight.isOpen()).as("three failed attempts are one failed call").isFalse();
  }

  @Test
  void roundsWaitAsTheRetryAsksWithoutAFleetTurnOfTheirOwn() {
    // a round refused by a 429 (Retry-After 1 s), then one with an outage, then one that succeeds
    String answer = guard.callInRounds(system(List.of(throttled("1"), outage())), String.class);

    assertThat(answer).isEqualTo("ok");
    assertThat(sent).hasSize(3);
    assertThat(Duration.between(sent.get(0), sent.get(1)))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(fleet.throttled).containsExactly(Duration.ofSeconds(1));
    assertThat(fleet.asked).as("the requests a round sends ask for their turns").isZero();
  }

  @Test
  void roundsHaveTheWholeCallsBudgetOfWaits() {
    assertThatThrownBy(
            () ->
                guard.callInRounds(
                    system(List.of(throttled("0"), throttled("0"), throttled("0"))), String.class))
        .hasMessage("still 429 after 2");
    assertThat(sent).hasSize(3);
  }

  @Test
  void aRoundsRetryAfterAboveTheCapOpensTheBreakerAndHandsTheThreadBack() {
    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () ->
            assertThatThrownBy(
                    () -> guard.callInRounds(system(List.of(throttled("86400"))), String.class))
                .isInstanceOfSatisfying(
                    ThrottledBeyondCap.class,
                    e -> assertThat(e.openUntil()).isAfter(Instant.now().plusSeconds(3600))));

    assertThat(breaker.isOpen()).isTrue();
    assertThat(sent).hasSize(1);
  }

  @Test
  void backoffDoublesFromTheBaseUpToTheCapBetweenHalfAndAllOfIt() {
    RetryPolicy policy =
        new RetryPolicy(9, Duration.ofMillis(100), Duration.ofMillis(1000), 2, Duration.ZERO);
    RetryAfterBackoff low =
        new RetryAfterBackoff("acme", "qad", policy, fleet, Clock.systemUTC(), bound -> 0);
    RetryAfterBackoff high =
        new RetryAfterBackoff("acme", "qad", policy, fleet, Clock.systemUTC(), bound -> bound);

    assertThat(low.exponential(1)).isEqualTo(Duration.ofMillis(50));
    assertThat(high.exponential(1)).isEqualTo(Duration.ofMillis(100));
    assertThat(high.exponential(3)).isEqualTo(Duration.ofMillis(400));
    assertThat(low.exponential(5)).isEqualTo(Duration.ofMillis(500));
    assertThat(high.exponential(30)).isEqualTo(Duration.ofMillis(1000));
  }

  @Test
  void onlyIdempotentMethodsMayBeResent() {
    assertThat(List.of("GET", "put", "PATCH", "DELETE", "HEAD"))
        .allSatisfy(m -> assertThat(Resend.of(m)).isEqualTo(Resend.ALLOWED));
    assertThat(Resend.of("POST")).isEqualTo(Resend.NEVER);
  }
}

package io.mlconnector.common.breaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * A breaker's half-open trial must end in CLOSED or OPEN whatever the trial throws (an {@link
 * Error} too), so a tenant is never held back forever by a trial nobody finished; and every
 * transition is published once, not per call.
 */
class CircuitBreakerTrialTest {
  private static final Duration OPEN_FOR = Duration.ofSeconds(1);

  private final List<BreakerState> published = new ArrayList<>();
  private final CircuitBreaker breaker =
      new CircuitBreaker(
          "acme",
          "servicenow",
          2,
          OPEN_FOR,
          Clock.systemUTC(),
          t -> !(t instanceof IllegalArgumentException),
          s -> published.add(s.state()));

  @Test
  void anErrorInTheTrialReopensAndTheNextTrialCloses() throws Exception {
    failedTrial(
        () -> {
          throw new StackOverflowError("trial blew up");
        },
        StackOverflowError.class);
    assertThat(breaker.state()).isEqualTo(BreakerState.OPEN);
    Thread.sleep(OPEN_FOR.toMillis() * 3);

    assertThat(call(() -> "ok")).isEqualTo("ok");
    assertThat(breaker.state()).isEqualTo(BreakerState.CLOSED);
    assertThat(call(() -> "again")).isEqualTo("again");
  }

  @Test
  void aTrialAnsweredWithARejectionCloses() throws Exception {
    failedTrial(
        () -> {
          throw new IllegalArgumentException("400: bad field");
        },
        IllegalArgumentException.class);
    assertThat(breaker.state()).isEqualTo(BreakerState.CLOSED);
  }

  @Test
  void eachTransitionIsPublishedAndLoggedOnceNotPerCall() throws Exception {
    List<String> logged = new ArrayList<>();
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord r) {
            logged.add(java.text.MessageFormat.format(r.getMessage(), r.getParameters()));
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger log = Logger.getLogger(CircuitBreaker.class.getName());
    log.addHandler(handler);
    try {
      callsThroughAnOutage();
    } finally {
      log.removeHandler(handler);
    }
    assertThat(published)
        .containsSubsequence(BreakerState.CLOSED, BreakerState.OPEN, BreakerState.CLOSED);
    assertThat(published.stream().filter(s -> s == BreakerState.OPEN).count()).isEqualTo(1);
    assertThat(logged).hasSize(3);
    assertThat(logged.get(0))
        .contains("servicenow breaker of tenant acme opened (was CLOSED)")
        .contains("last failure: 503");
    assertThat(logged.get(1)).contains("is HALF_OPEN (was OPEN)");
    assertThat(logged.get(2)).contains("is CLOSED (was HALF_OPEN)");
  }

  private void callsThroughAnOutage() throws Exception {
    call(() -> "first verdict");
    trip();
    for (int i = 0; i < 5; i++) {
      assertThatThrownBy(() -> call(() -> "held back")).isInstanceOf(CircuitBreaker.Open.class);
    }
    Thread.sleep(OPEN_FOR.toMillis() * 3);
    call(() -> "trial");
    call(() -> "after");
  }

  /** Opens the breaker, waits until a trial may run, and runs one that throws {@code thrown}. */
  private void failedTrial(Supplier<String> trial, Class<? extends Throwable> thrown)
      throws InterruptedException {
    trip();
    Thread.sleep(OPEN_FOR.toMillis() * 3);
    assertThatThrownBy(() -> call(trial)).isInstanceOf(thrown);
  }

  private void trip() {
    AtomicInteger calls = new AtomicInteger();
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(
              () ->
                  call(
                      () -> {
                        calls.incrementAndGet();
                        throw new IllegalStateException("503");
                      }))
          .isInstanceOf(IllegalStateException.class);
    }
    assertThat(calls).hasValue(2);
    assertThat(breaker.state()).isEqualTo(BreakerState.OPEN);
  }

  private String call(Supplier<String> work) {
    return breaker.call(work, String.class);
  }
}

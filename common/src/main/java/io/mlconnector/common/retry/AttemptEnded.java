package io.mlconnector.common.retry;

import java.time.Duration;

/**
 * What the guard's retry sees when an attempt ends without an answer to return: the attempt's
 * {@link TryAgain}, or a pause the fleet asked for before sending. Carries the call's {@link
 * Attempt} to the backoff, which SmallRye hands only the exception.
 */
final class AttemptEnded extends RuntimeException {
  final transient Attempt attempt;
  final TryAgain signal;
  final transient Duration pause;

  private AttemptEnded(Attempt attempt, TryAgain signal, Duration pause) {
    super(null, signal, false, false);
    this.attempt = attempt;
    this.signal = signal;
    this.pause = pause;
  }

  static AttemptEnded tryAgain(Attempt attempt, TryAgain signal) {
    return new AttemptEnded(attempt, signal, null);
  }

  static AttemptEnded paused(Attempt attempt, Duration pause) {
    return new AttemptEnded(attempt, null, pause);
  }
}

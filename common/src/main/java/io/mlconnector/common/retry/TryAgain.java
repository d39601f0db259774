package io.mlconnector.common.retry;

import java.util.Optional;
import java.util.function.IntFunction;

/**
 * Thrown by an attempt of a {@link CallGuard} call to ask for another attempt; the guard's backoff
 * decides whether and when. Each carries the typed error the caller gets when no attempt is left,
 * built from how many times this kind of trouble happened in the call.
 */
public final class TryAgain extends RuntimeException {
  /** What went wrong with the attempt. */
  enum Kind {
    /** An outage after the request may have reached the system: retried only if resendable. */
    FAILED,
    /** The request never reached the system (connection refused): any call may retry. */
    NOT_SENT,
    /** 429: the system refused before acting; any call may retry after the wait. */
    THROTTLED,
    /** 401 and the token was renewed: again at once, once per call. */
    TOKEN_REJECTED
  }

  private final Kind kind;
  private final transient Optional<String> retryAfter;
  private final transient IntFunction<RuntimeException> giveUp;

  private TryAgain(Kind kind, Optional<String> retryAfter, IntFunction<RuntimeException> giveUp) {
    super(kind.name(), null, false, false);
    this.kind = kind;
    this.retryAfter = retryAfter;
    this.giveUp = giveUp;
  }

  /**
   * An outage (5xx, timeout, reset, unreadable answer) of a call that may be resent; a call that
   * may not must throw its "outcome unknown" error instead.
   *
   * @param giveUp the error after the last attempt, given the number of attempts made
   */
  public static TryAgain failed(IntFunction<RuntimeException> giveUp) {
    return new TryAgain(Kind.FAILED, Optional.empty(), giveUp);
  }

  /** The connection was never made: nothing reached the system, so even a POST may go again. */
  public static TryAgain notSent(IntFunction<RuntimeException> giveUp) {
    return new TryAgain(Kind.NOT_SENT, Optional.empty(), giveUp);
  }

  /**
   * A 429.
   *
   * @param retryAfter the answer's {@code Retry-After} header, if any (seconds or an HTTP date)
   * @param giveUp the error once the call has waited out {@code n} 429s, the policy's maximum
   */
  public static TryAgain throttled(
      Optional<String> retryAfter, IntFunction<RuntimeException> giveUp) {
    return new TryAgain(Kind.THROTTLED, retryAfter, giveUp);
  }

  /**
   * A 401 after which the caller renewed its token. A second 401 in the same call ends it with
   * {@code giveUp} (a freshly issued token was rejected: a permission problem, not an expiry).
   */
  public static TryAgain tokenRejected(IntFunction<RuntimeException> giveUp) {
    return new TryAgain(Kind.TOKEN_REJECTED, Optional.empty(), giveUp);
  }

  Kind kind() {
    return kind;
  }

  Optional<String> retryAfter() {
    return retryAfter;
  }

  RuntimeException giveUp(int count) {
    return giveUp.apply(count);
  }
}

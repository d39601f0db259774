package io.mlconnector.common.retry;

/**
 * One call's progress through its retries, handed to each attempt. Confined to the calling thread
 * (the retries of a call run on it one after the other).
 */
public final class Attempt {
  private final Resend resend;
  private final boolean asksFleet;
  private int sends;
  private int failures;
  private int throttledWaits;
  private boolean tokenRenewed;
  private boolean turnGranted;

  Attempt(Resend resend, boolean asksFleet) {
    this.resend = resend;
    this.asksFleet = asksFleet;
  }

  /** Whether this call may be sent again after an unknown outcome. */
  public Resend resend() {
    return resend;
  }

  /** Attempts that reached the point of sending, this one included (1 = the first). */
  public int number() {
    return sends;
  }

  /** Whether the token was already renewed after a 401 during this call (renewal happens once). */
  public boolean tokenRenewed() {
    return tokenRenewed;
  }

  // -- kept by CallGuard and its backoff --

  void sending() {
    sends++;
  }

  int failed() {
    return ++failures;
  }

  int throttled() {
    return ++throttledWaits;
  }

  boolean renewToken() {
    if (tokenRenewed) {
      return false;
    }
    tokenRenewed = true;
    return true;
  }

  /** The fleet granted a turn after a pause: the next attempt goes without asking again. */
  void grantTurn() {
    turnGranted = true;
  }

  /** Whether each attempt asks the fleet for a turn (not a round: its requests ask themselves). */
  boolean asksFleet() {
    return asksFleet;
  }

  boolean takeGrantedTurn() {
    boolean granted = turnGranted;
    turnGranted = false;
    return granted;
  }
}

package io.mlconnector.sandbox.http;

import java.util.Arrays;

/**
 * How the answer to an already-applied write gets lost on its way back: the four ways a client ends
 * up not knowing whether its request took effect.
 */
public enum LostAnswer {
  /** The connection closes before any status line: the client sees a reset / premature EOF. */
  RESET,
  /** Nothing comes back for longer than the client waits, then the connection closes. */
  TIMEOUT,
  /** A proxy in front answers 502 with an HTML page. */
  BAD_GATEWAY,
  /** The 2xx answer is cut off halfway (invalid JSON, matching Content-Length). */
  TRUNCATED;

  /** What the client receives instead of {@code applied}; {@code timeoutMillis} for TIMEOUT. */
  SimResponse replace(SimResponse applied, long timeoutMillis) throws InterruptedException {
    return switch (this) {
      case RESET -> SimResponse.dropConnection();
      case TIMEOUT -> {
        Thread.sleep(timeoutMillis);
        yield SimResponse.dropConnection();
      }
      case BAD_GATEWAY ->
          SimResponse.text(
              502,
              "text/html;charset=UTF-8",
              "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head>"
                  + "<body><h1>Bad Gateway</h1><p>The upstream server did not answer in time.</p>"
                  + "</body></html>");
      case TRUNCATED ->
          new SimResponse(
              applied.status(),
              applied.headers(),
              Arrays.copyOf(applied.body(), Math.max(1, applied.body().length / 2)));
    };
  }
}

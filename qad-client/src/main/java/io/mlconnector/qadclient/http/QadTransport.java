package io.mlconnector.qadclient.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.common.breaker.CircuitBreaker;
import io.mlconnector.common.http.BoundedAnswers;
import io.mlconnector.common.http.RetryAfter;
import io.mlconnector.common.ratelimit.TenantRateLimits;
import io.mlconnector.qadclient.QadAuthException;
import io.mlconnector.qadclient.QadClientSettings;
import io.mlconnector.qadclient.QadMalformedResponseException;
import io.mlconnector.qadclient.QadOutcomeUnknownException;
import io.mlconnector.qadclient.QadUnavailableException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;

/**
 * Sends one logical call to one tenant's QAD and owns everything transient about it: 429 waits
 * (never shorter than {@code Retry-After}, and never longer than the cap: a longer one opens the
 * tenant's breaker instead), bounded exponential backoff with jitter on 5xx, timeouts and malformed
 * bodies, one re-authentication on 401, a size limit on answers, and the tenant's circuit breaker.
 *
 * <p>Only idempotent calls are repeated (reads, and the token grant, which creates nothing a second
 * grant would duplicate). A {@link #create} POST that may have been applied (no answer, a 5xx, an
 * unreadable 2xx) is never re-sent: it ends in {@link QadOutcomeUnknownException} and the caller
 * looks the record up before sending again. A POST refused before QAD acted on it (connection
 * refused, 401, 429) is safe to send again. Answers with status below 500 other than 401/429 are
 * returned for the caller to interpret.
 */
public final class QadTransport {
  private static final Logger LOG = Logger.getLogger(QadTransport.class);

  /** A parsed answer; {@code body} is a JSON node (possibly missing/null for empty bodies). */
  public record Answer(int status, JsonNode body) {}

  /** Where bearer tokens come from; told when QAD rejected one. */
  public interface TokenSource {
    String accessToken();

    void rejected(String accessToken);
  }

  private final String tenant;
  private final String workspace;
  private final HttpClient http;
  private final QadClientSettings settings;
  private final CircuitBreaker breaker;
  private final Sleeper sleeper;
  private final TenantRateLimits rateLimits;
  private final String userAgent;
  private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);

  /**
   * @param rateLimits the fleet's pauses and budget of this tenant's QAD, asked before every call
   * @param userAgent names the calling service to QAD (and to the sandbox's violation counts)
   */
  public QadTransport(
      String tenant,
      String workspace,
      HttpClient http,
      QadClientSettings settings,
      CircuitBreaker breaker,
      Sleeper sleeper,
      TenantRateLimits rateLimits,
      String userAgent) {
    this.tenant = tenant;
    this.workspace = workspace;
    this.http = http;
    this.settings = settings;
    this.breaker = breaker;
    this.sleeper = sleeper;
    this.rateLimits = rateLimits;
    this.userAgent = userAgent;
  }

  /**
   * @param body request body and its content type, or {@code null} for none
   * @param tokens bearer tokens, or {@code null} for the token endpoint itself
   */
  public Answer call(String method, URI uri, RequestBody body, TokenSource tokens) {
    return call(method, uri, body, tokens, true);
  }

  /**
   * A POST that creates a record: sent at most once. Refusals before QAD acted on it (connection
   * refused, 401, 429) are repeated; anything that may have been applied ends in {@link
   * QadOutcomeUnknownException}.
   */
  public Answer create(URI uri, RequestBody body, TokenSource tokens) {
    return call("POST", uri, body, tokens, false);
  }

  private Answer call(
      String method, URI uri, RequestBody body, TokenSource tokens, boolean idempotent) {
    if (depth.get()[0] > 0) {
      // A token call made on behalf of an outer call: the outer call counts for the breaker.
      return withRetries(method, uri, body, tokens, idempotent);
    }
    depth.get()[0]++;
    try {
      return breaker.call(() -> withRetries(method, uri, body, tokens, idempotent), Answer.class);
    } catch (CircuitBreaker.Open e) {
      throw new QadUnavailableException(
          tenant, "circuit breaker open after repeated failures; next trial at " + e.until(), null);
    } catch (ThrottledBeyondCap e) {
      breaker.openFor(e.wait, "throttled: " + e.reason + " " + e.wait.toSeconds() + " s");
      throw new QadUnavailableException(
          tenant,
          "throttled: "
              + e.reason
              + " "
              + e.wait.toSeconds()
              + " s is above the cap; calls paused until "
              + breaker.openUntil(),
          null);
    } finally {
      depth.get()[0]--;
    }
  }

  /**
   * What counts against the tenant's breaker: QAD unavailable (no answer, 5xx, timeouts, bodies too
   * large). Any other exception means QAD answered (an auth error, a refusal), so it is up and a
   * half-open trial ends there too.
   */
  public static boolean isOutage(Throwable t) {
    return t instanceof QadUnavailableException;
  }

  /** A {@code Retry-After} longer than the cap: the breaker waits it out, not this thread. */
  private static final class ThrottledBeyondCap extends RuntimeException {
    final Duration wait;
    final String reason;

    ThrottledBeyondCap(Duration wait, String reason) {
      super(null, null, false, false);
      this.wait = wait;
      this.reason = reason;
    }
  }

  private Answer withRetries(
      String method, URI uri, RequestBody body, TokenSource tokens, boolean idempotent) {
    String what = method + " " + uri.getPath();
    int attempt = 0;
    int throttled = 0;
    boolean reauthenticated = false;
    while (true) {
      attempt++;
      String token = tokens == null ? null : tokens.accessToken();
      awaitTurn();
      HttpResponse<byte[]> response;
      try {
        response = send(request(method, uri, body, token));
      } catch (BodyTooLarge e) {
        if (!idempotent) {
          throw new QadOutcomeUnknownException(tenant, e.getMessage(), e);
        }
        throw e;
      } catch (IOException e) {
        String why = "no answer from " + what + ": " + describe(e);
        if (!idempotent && !neverSent(e)) {
          throw new QadOutcomeUnknownException(tenant, why, e);
        }
        backoffOrThrow(attempt, why, e);
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new QadUnavailableException(tenant, "interrupted while calling QAD", e);
      }
      int status = response.statusCode();
      if (status == 401 && tokens != null) {
        if (reauthenticated) {
          throw new QadAuthException(
              tenant,
              "QAD rejected a freshly issued token for " + uri.getPath(),
              "the service account may lack access to this workspace or API; check the user's"
                  + " roles and the workspace id in the tenant settings");
        }
        tokens.rejected(token);
        reauthenticated = true;
        attempt--;
        continue;
      }
      if (status == 429) {
        if (++throttled > settings.maxThrottledRetries()) {
          throw new QadUnavailableException(
              tenant, "still throttled (429) after " + (throttled - 1) + " waits", null);
        }
        Duration wait = retryAfter(response, attempt);
        if (response.headers().firstValue("Retry-After").isPresent()) {
          rateLimits.throttled(tenant, TenantRateLimits.QAD, wait);
        }
        if (wait.compareTo(settings.retryAfterCap()) > 0) {
          throw new ThrottledBeyondCap(wait, "Retry-After");
        }
        LOG.debugf("QAD tenant %s throttled; waiting %s as Retry-After asks", tenant, wait);
        sleeper.sleep(wait);
        attempt--;
        continue;
      }
      if (status >= 500) {
        String why = "HTTP " + status + " from " + what;
        if (!idempotent) {
          throw new QadOutcomeUnknownException(tenant, why, null);
        }
        backoffOrThrow(attempt, why, null);
        continue;
      }
      try {
        return new Answer(status, ResponseBodies.parse(response));
      } catch (ResponseBodies.NotJson e) {
        if (!idempotent && status < 300) {
          throw new QadOutcomeUnknownException(tenant, e.getMessage() + " (" + what + ")", null);
        }
        if (status >= 400) {
          // An error page (wrong URL, a proxy): the status says what happened, the body is noise.
          return new Answer(status, com.fasterxml.jackson.databind.node.MissingNode.getInstance());
        }
        if (attempt >= settings.maxAttempts()) {
          throw new QadMalformedResponseException(
              tenant, e.getMessage() + " (" + method + " " + uri.getPath() + ")");
        }
        backoff(attempt);
      }
    }
  }

  /**
   * Waits while the fleet knows this tenant's QAD to be throttled (any service's 429) or its
   * request budget promises a later turn; a pause above the cap opens the breaker instead.
   */
  private void awaitTurn() {
    Duration turn = rateLimits.beforeCall(tenant, TenantRateLimits.QAD);
    if (turn.compareTo(settings.retryAfterCap()) > 0) {
      throw new ThrottledBeyondCap(
          turn, "fleet-wide pause (another service's Retry-After, or the request budget)");
    }
    if (!turn.isZero()) {
      LOG.debugf("QAD tenant %s paused fleet-wide; waiting %s", tenant, turn);
      sleeper.sleep(turn);
    }
  }

  private void backoffOrThrow(int attempt, String why, Throwable cause) {
    if (attempt >= settings.maxAttempts()) {
      throw new QadUnavailableException(
          tenant, why + " (gave up after " + attempt + " attempt(s))", cause);
    }
    backoff(attempt);
  }

  /** Full jitter: a random wait up to base * 2^(attempt-1), capped. */
  private void backoff(int attempt) {
    long cap =
        Math.min(
            settings.backoffMax().toMillis(),
            settings.backoffBase().toMillis() << Math.min(attempt - 1, 20));
    sleeper.sleep(Duration.ofMillis(ThreadLocalRandom.current().nextLong(cap / 2, cap + 1)));
  }

  /**
   * {@code Retry-After} as seconds or as an HTTP date (never less); without one, the backoff
   * schedule.
   */
  private Duration retryAfter(HttpResponse<?> response, int attempt) {
    return response
        .headers()
        .firstValue("Retry-After")
        .flatMap(RetryAfter::parse)
        .orElseGet(
            () ->
                Duration.ofMillis(
                    Math.min(
                        settings.backoffMax().toMillis(),
                        settings.backoffBase().toMillis() << Math.min(attempt, 20))));
  }

  /** Sends and reads the answer, refusing one larger than the configured limit. */
  private HttpResponse<byte[]> send(HttpRequest request) throws IOException, InterruptedException {
    try {
      return BoundedAnswers.send(http, request, settings.maxBodyBytes(), bytes -> bytes);
    } catch (BoundedAnswers.TooLarge e) {
      throw new BodyTooLarge(e);
    }
  }

  /** An answer over the size limit: refused, with a sentence for people. */
  private final class BodyTooLarge extends QadUnavailableException {
    BodyTooLarge(BoundedAnswers.TooLarge e) {
      super(tenant, "QAD " + e.describe("mlc.qad-client.max-body-bytes"), null);
    }
  }

  /** Nothing reached QAD: the connection was never made. */
  private static boolean neverSent(IOException e) {
    return e instanceof ConnectException || e instanceof HttpConnectTimeoutException;
  }

  private HttpRequest request(String method, URI uri, RequestBody body, String token) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri)
            .timeout(settings.requestTimeout())
            .header("Accept", "application/json")
            .header("User-Agent", userAgent)
            .header("x-qad-workspace-id", workspace);
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (body == null) {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      b.header("Content-Type", body.contentType());
      b.method(method, HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
    }
    return b.build();
  }

  private static String describe(IOException e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : " " + message);
  }
}

package io.mlconnector.snclient.http;

import io.mlconnector.common.breaker.BreakerBoard;
import io.mlconnector.common.breaker.CircuitBreaker;
import io.mlconnector.common.http.BoundedAnswers;
import io.mlconnector.common.ratelimit.TenantRateLimits;
import io.mlconnector.snclient.auth.TenantTokens;
import io.mlconnector.snclient.error.ServiceNowAuthException;
import io.mlconnector.snclient.error.ServiceNowErrors;
import io.mlconnector.snclient.error.ServiceNowException;
import io.mlconnector.snclient.error.ServiceNowResponseFormatException;
import io.mlconnector.snclient.error.ServiceNowUnavailableException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Sends one request to one tenant's instance and owns everything that can go wrong on the way:
 * bearer token (renewed once on a 401, then a loud {@link ServiceNowAuthException}), 429 waited out
 * for its full Retry-After, 5xx and timeouts retried with backoff (only for idempotent requests: a
 * POST that timed out may have created its row, so its caller must look it up again rather than
 * resend), the tenant's circuit breaker (one verdict per call, after its retries), and HTML pages
 * where JSON was promised. A {@code Retry-After} above the cap is not slept: it opens the tenant's
 * breaker for that long. Answers above the size limit are refused without being read whole.
 */
public final class ServiceNowTransport {
  /** A request; {@code endpoint} names it in errors and metrics. */
  public record Request(String method, URI uri, String body, boolean idempotent, String endpoint) {}

  /** A 2xx answer whose body at least is not an HTML page. */
  public record Response(int status, HttpHeaders headers, String body) {}

  /** Limits of one call. */
  public record TransportLimits(
      Duration requestTimeout,
      int maxAttempts,
      int maxRateLimitWaits,
      Duration retryAfterCap,
      long maxBodyBytes) {}

  /**
   * The fleet this transport belongs to: its shared rate limits (a 429 any service saw pauses this
   * one too), the name it gives itself in {@code User-Agent}, and where its breaker publishes its
   * state (the fleet's status).
   */
  public record Fleet(TenantRateLimits rateLimits, String userAgent, BreakerBoard breakers) {
    /** A fleet whose breakers publish nowhere. */
    public Fleet(TenantRateLimits rateLimits, String userAgent) {
      this(rateLimits, userAgent, BreakerBoard.NONE);
    }

    public static Fleet local() {
      return new Fleet(TenantRateLimits.local(), "ml-connector");
    }
  }

  private static final String SYSTEM = TenantRateLimits.SERVICENOW;
  private static final String FLEET_PAUSE =
      "fleet-wide pause (another service's Retry-After, or the request budget)";

  private final String tenant;
  private final HttpClient http;
  private final TenantTokens tokens;
  private final CircuitBreaker breaker;
  private final Backoff backoff;
  private final TransportLimits limits;
  private final ServiceNowCallObserver observer;
  private final Fleet fleet;

  public ServiceNowTransport(
      String tenant,
      HttpClient http,
      TenantTokens tokens,
      CircuitBreaker breaker,
      Backoff backoff,
      TransportLimits limits,
      ServiceNowCallObserver observer,
      Fleet fleet) {
    this.fleet = fleet;
    this.tenant = tenant;
    this.http = http;
    this.tokens = tokens;
    this.breaker = breaker;
    this.backoff = backoff;
    this.limits = limits;
    this.observer = observer;
  }

  public Response send(Request request) {
    try {
      return breaker.call(() -> attempt(request), Response.class);
    } catch (CircuitBreaker.Open e) {
      throw new ServiceNowUnavailableException(
          "ServiceNow of tenant "
              + tenant
              + " is failing; circuit open until "
              + e.until()
              + " (one trial call at a time after that)",
          0,
          null);
    } catch (ThrottledBeyondCap e) {
      breaker.openFor(e.wait, "throttled: " + e.reason + " " + e.wait.toSeconds() + " s");
      throw new ServiceNowUnavailableException(
          "tenant "
              + tenant
              + " throttled: "
              + e.reason
              + " "
              + e.wait.toSeconds()
              + " s is above the cap of "
              + limits.retryAfterCap().toSeconds()
              + " s (mlc.servicenow.retry.retry-after-cap); calls paused until "
              + breaker.openUntil(),
          429,
          null);
    }
  }

  /**
   * What counts against the tenant's breaker: outages (retryable errors other than rate limits) and
   * anything unexpected. An answer that rejects the request (4xx, bad data) means the instance is
   * up; a rate limit is the fleet's pause, not an outage; a pause above the cap opens the breaker
   * by itself ({@link CircuitBreaker#openFor}).
   */
  public static boolean isOutage(Throwable t) {
    if (t instanceof ServiceNowException e) {
      return e.retryable() && e.status() != 429;
    }
    return !(t instanceof ThrottledBeyondCap);
  }

  /** A {@code Retry-After} longer than the cap: the breaker waits it out, not this thread. */
  private static final class ThrottledBeyondCap extends RuntimeException {
    final transient Duration wait;
    final String reason;

    ThrottledBeyondCap(Duration wait, String reason) {
      super(null, null, false, false);
      this.wait = wait;
      this.reason = reason;
    }
  }

  private Response attempt(Request request) {
    String what = request.method() + " " + request.endpoint() + " on tenant " + tenant;
    String token = null;
    boolean renewed = false;
    int failures = 0;
    int rateLimitWaits = 0;
    while (true) {
      awaitTurn(); // before the token too: a token request to a throttled instance is a call
      if (token == null) {
        token = tokens.accessToken();
      }
      HttpResponse<String> answer;
      try {
        answer =
            BoundedAnswers.send(
                http,
                build(request, token),
                limits.maxBodyBytes(),
                bytes -> new String(bytes, StandardCharsets.UTF_8));
      } catch (BoundedAnswers.TooLarge e) {
        throw new ServiceNowUnavailableException(
            what + " " + e.describe("mlc.servicenow.max-body-bytes"), e.status(), null);
      } catch (IOException e) {
        observer.onCall(tenant, request.method() + " " + request.endpoint(), 0);
        if (request.idempotent() && ++failures < limits.maxAttempts()) {
          Backoff.sleep(backoff.afterFailure(failures));
          continue;
        }
        throw new ServiceNowUnavailableException(what + " got no answer: " + e, 0, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ServiceNowUnavailableException(what + " interrupted", 0, e);
      }
      int status = answer.statusCode();
      observer.onCall(tenant, request.method() + " " + request.endpoint(), status);
      if (status == 401 && !renewed) {
        renewed = true;
        token = tokens.renewAfterRejection(token);
        continue;
      }
      if (status == 429) {
        if (++rateLimitWaits > limits.maxRateLimitWaits()) {
          throw new ServiceNowUnavailableException(
              what + " still rate limited after " + limits.maxRateLimitWaits() + " waits",
              429,
              null);
        }
        Backoff.retryAfter(answer.headers())
            .ifPresent(wait -> fleet.rateLimits().throttled(tenant, SYSTEM, wait));
        Backoff.retryAfter(answer.headers())
            .filter(wait -> wait.compareTo(limits.retryAfterCap()) > 0)
            .ifPresent(
                wait -> {
                  throw new ThrottledBeyondCap(wait, "Retry-After");
                });
        Backoff.sleep(backoff.afterRateLimit(answer.headers(), rateLimitWaits));
        continue;
      }
      if (status >= 500 && request.idempotent() && ++failures < limits.maxAttempts()) {
        Backoff.sleep(backoff.afterFailure(failures));
        continue;
      }
      return check(what, answer);
    }
  }

  /**
   * Waits while the fleet knows this tenant's instance to be throttled (any service's 429) or its
   * request budget promises a later turn; a pause above the cap opens the breaker instead.
   */
  private void awaitTurn() {
    Duration turn = fleet.rateLimits().beforeCall(tenant, SYSTEM);
    if (turn.compareTo(limits.retryAfterCap()) > 0) {
      throw new ThrottledBeyondCap(turn, FLEET_PAUSE);
    }
    if (!turn.isZero()) {
      Backoff.sleep(turn);
    }
  }

  private static Response check(String what, HttpResponse<String> answer) {
    int status = answer.statusCode();
    boolean ok = status >= 200 && status < 300;
    if (ok && ServiceNowErrors.looksLikeHtml(answer.body())) {
      throw new ServiceNowResponseFormatException(
          what
              + " answered an HTML page instead of JSON (instance hibernating, or a proxy in the"
              + " way)",
          status,
          null);
    }
    if (ok) {
      return new Response(status, answer.headers(), answer.body());
    }
    if (status == 401) {
      throw new ServiceNowAuthException(
          what
              + " rejected a freshly issued token (401): the token was revoked at once, or the"
              + " OAuth Application User may not use the REST API",
          401,
          null,
          null);
    }
    throw ServiceNowErrors.of(what, status, answer.body());
  }

  private HttpRequest build(Request r, String token) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(r.uri())
            .timeout(limits.requestTimeout())
            .header("Accept", "application/json")
            .header("User-Agent", fleet.userAgent())
            .header("Authorization", "Bearer " + token);
    if (r.body() == null) {
      b.method(r.method(), HttpRequest.BodyPublishers.noBody());
    } else {
      b.header("Content-Type", "application/json");
      b.method(r.method(), HttpRequest.BodyPublishers.ofString(r.body()));
    }
    return b.build();
  }
}

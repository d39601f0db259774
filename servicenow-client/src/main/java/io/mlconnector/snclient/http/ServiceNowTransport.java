package io.mlconnector.snclient.http;

import io.mlconnector.common.auth.TenantTokens;
import io.mlconnector.common.breaker.BreakerBoard;
import io.mlconnector.common.breaker.CircuitBreaker;
import io.mlconnector.common.http.BoundedAnswers;
import io.mlconnector.common.http.ExternalHttp;
import io.mlconnector.common.ratelimit.TenantRateLimits;
import io.mlconnector.common.retry.Attempt;
import io.mlconnector.common.retry.CallGuard;
import io.mlconnector.common.retry.Resend;
import io.mlconnector.common.retry.ThrottledBeyondCap;
import io.mlconnector.common.retry.TryAgain;
import io.mlconnector.snclient.error.ServiceNowAuthException;
import io.mlconnector.snclient.error.ServiceNowErrors;
import io.mlconnector.snclient.error.ServiceNowException;
import io.mlconnector.snclient.error.ServiceNowResponseFormatException;
import io.mlconnector.snclient.error.ServiceNowUnavailableException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Sends one request to one tenant's instance through common's {@link CallGuard} (the tenant's
 * breaker, the fleet's turn, SmallRye's retry with the {@code Retry-After}-aware backoff): this
 * class makes one attempt and says what its answer means. Bearer token renewed once on a 401, then
 * a loud {@link ServiceNowAuthException}; 429 waited out for its full {@code Retry-After} (any
 * method: nothing was done); 5xx and timeouts retried with backoff only for requests that may be
 * resent ({@link Request#resend()}: a POST that timed out may have created its row, so its caller
 * must look it up rather than resend); HTML pages where JSON was promised are typed errors. A
 * {@code Retry-After} above the cap is not slept: it opens the tenant's breaker for that long.
 * Answers above the size limit are refused without being read whole.
 */
public final class ServiceNowTransport {
  /**
   * A request; {@code endpoint} names it in errors and metrics; {@code resend} says whether it may
   * be sent again after an unknown outcome.
   */
  public record Request(String method, URI uri, String body, Resend resend, String endpoint) {
    /** A request that may be resent if and only if its method is idempotent ({@link Resend#of}). */
    public static Request of(String method, URI uri, String body, String endpoint) {
      return new Request(method, uri, body, Resend.of(method), endpoint);
    }
  }

  /** A 2xx answer whose body at least is not an HTML page; header names are case-insensitive. */
  public record Response(int status, Map<String, List<String>> headers, String body) {
    /** Every value of the header {@code name} (none: empty). */
    public List<String> header(String name) {
      return headers.getOrDefault(name, List.of());
    }
  }

  /** How one attempt is sent ({@code retryAfterCap} only names the cap in errors). */
  public record TransportLimits(
      Duration connectTimeout,
      Duration requestTimeout,
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

  private final String tenant;
  private final ExternalHttp http;
  private final TenantTokens tokens;
  private final CallGuard guard;
  private final TransportLimits limits;
  private final ServiceNowCallObserver observer;

  /**
   * @param base the tenant's instance URL
   * @param guard the tenant's breaker, the fleet's rate limits and the retry rules
   */
  public ServiceNowTransport(
      String tenant,
      URI base,
      TenantTokens tokens,
      CallGuard guard,
      TransportLimits limits,
      ServiceNowCallObserver observer,
      String userAgent) {
    this.tenant = tenant;
    this.http =
        new ExternalHttp(
            base,
            new ExternalHttp.Settings(
                limits.connectTimeout(),
                limits.requestTimeout(),
                limits.maxBodyBytes(),
                userAgent,
                Map.of()));
    this.tokens = tokens;
    this.guard = guard;
    this.limits = limits;
    this.observer = observer;
  }

  public Response send(Request request) {
    try {
      return guard.call(request.resend(), a -> attempt(request, a), Response.class);
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
      throw new ServiceNowUnavailableException(
          "tenant "
              + tenant
              + " throttled: "
              + e.reason()
              + " "
              + e.waitAsked().toSeconds()
              + " s is above the cap of "
              + limits.retryAfterCap().toSeconds()
              + " s (mlc.servicenow.retry.retry-after-cap); calls paused until "
              + e.openUntil(),
          429,
          null);
    }
  }

  /** Frees the connection pool. */
  public void close() {
    http.close();
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

  private Response attempt(Request request, Attempt attempt) {
    String what = request.method() + " " + request.endpoint() + " on tenant " + tenant;
    String name = request.method() + " " + request.endpoint();
    String token = tokens.accessToken();
    ExternalHttp.Answer answer;
    try {
      answer =
          http.send(
              ExternalHttp.Request.json(request.method(), request.uri(), request.body(), token));
    } catch (BoundedAnswers.TooLarge e) {
      throw new ServiceNowUnavailableException(
          what + " " + e.describe("mlc.servicenow.max-body-bytes"), e.status(), null);
    } catch (ExternalHttp.NoAnswer e) {
      observer.onCall(tenant, name, 0);
      ServiceNowUnavailableException noAnswer =
          new ServiceNowUnavailableException(
              what + " got no answer: " + e.getMessage(), 0, e.getCause());
      if (e.neverSent()) {
        throw TryAgain.notSent(n -> noAnswer); // never reached the instance: any method
      }
      if (attempt.resend() == Resend.ALLOWED) {
        throw TryAgain.failed(n -> noAnswer);
      }
      throw noAnswer;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServiceNowUnavailableException(what + " interrupted", 0, e);
    }
    int status = answer.status();
    observer.onCall(tenant, name, status);
    if (status == 401 && !attempt.tokenRenewed()) {
      tokens.renewAfterRejection(token);
      throw TryAgain.tokenRejected(n -> failure(what, answer));
    }
    if (status == 429) {
      throw TryAgain.throttled(
          answer.header("Retry-After"),
          n ->
              new ServiceNowUnavailableException(
                  what + " still rate limited after " + n + " waits", 429, null));
    }
    if (status >= 500 && attempt.resend() == Resend.ALLOWED) {
      throw TryAgain.failed(n -> failure(what, answer));
    }
    return check(what, answer);
  }

  private static Response check(String what, ExternalHttp.Answer answer) {
    int status = answer.status();
    String body = answer.text();
    boolean ok = status >= 200 && status < 300;
    if (ok && ServiceNowErrors.looksLikeHtml(body)) {
      throw new ServiceNowResponseFormatException(
          what
              + " answered an HTML page instead of JSON (instance hibernating, or a proxy in the"
              + " way)",
          status,
          null);
    }
    if (ok) {
      return new Response(status, answer.headers(), body);
    }
    throw failure(what, answer);
  }

  /** The typed error of a non-2xx answer. */
  private static ServiceNowException failure(String what, ExternalHttp.Answer answer) {
    if (answer.status() == 401) {
      return new ServiceNowAuthException(
          what
              + " rejected a freshly issued token (401): the token was revoked at once, or the"
              + " OAuth Application User may not use the REST API",
          401,
          null,
          null);
    }
    return ServiceNowErrors.of(what, answer.status(), answer.text());
  }
}

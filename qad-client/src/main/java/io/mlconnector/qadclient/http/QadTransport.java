package io.mlconnector.qadclient.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.mlconnector.common.auth.TenantTokens;
import io.mlconnector.common.breaker.CircuitBreaker;
import io.mlconnector.common.http.BoundedAnswers;
import io.mlconnector.common.http.ExternalHttp;
import io.mlconnector.common.retry.Attempt;
import io.mlconnector.common.retry.CallGuard;
import io.mlconnector.common.retry.Resend;
import io.mlconnector.common.retry.ThrottledBeyondCap;
import io.mlconnector.common.retry.TryAgain;
import io.mlconnector.qadclient.QadAuthException;
import io.mlconnector.qadclient.QadClientSettings;
import io.mlconnector.qadclient.QadMalformedResponseException;
import io.mlconnector.qadclient.QadOutcomeUnknownException;
import io.mlconnector.qadclient.QadUnavailableException;
import java.net.URI;
import java.util.Map;

/**
 * Sends one logical call to one tenant's QAD through common's {@link CallGuard} (the tenant's
 * breaker, the fleet's turn, SmallRye's retry with the {@code Retry-After}-aware backoff): this
 * class makes one attempt and says what its answer means. 429 → wait and again (any method: QAD
 * refused before acting); 401 → the token is renewed once and the call goes again; 5xx, timeouts,
 * unreadable bodies → again with backoff, for calls that may be resent ({@link Resend}).
 *
 * <p>A {@link #create} POST that may have been applied (no answer, a 5xx, an unreadable 2xx) is
 * never re-sent: it ends in {@link QadOutcomeUnknownException} and the caller looks the record up
 * before sending again. A POST refused before QAD acted on it (connection refused, 401, 429) goes
 * again, as does any call whose token could not be fetched (it was never sent). Answers with status
 * below 500 other than 401/429 are returned for the caller to interpret.
 */
public final class QadTransport {
  /** A parsed answer; {@code body} is a JSON node (possibly missing/null for empty bodies). */
  public record Answer(int status, JsonNode body) {}

  private final String tenant;
  private final ExternalHttp http;
  private final CallGuard guard;

  /**
   * @param base the tenant's QAD base URL
   * @param guard the tenant's breaker, the fleet's rate limits and the retry rules
   * @param userAgent names the calling service to QAD (and to the sandbox's violation counts)
   */
  public QadTransport(
      String tenant,
      URI base,
      String workspace,
      QadClientSettings settings,
      CallGuard guard,
      String userAgent) {
    this.tenant = tenant;
    this.http =
        new ExternalHttp(
            base,
            new ExternalHttp.Settings(
                settings.connectTimeout(),
                settings.requestTimeout(),
                settings.maxBodyBytes(),
                userAgent,
                Map.of("x-qad-workspace-id", workspace)));
    this.guard = guard;
  }

  /**
   * A call whose method says whether it may be resent ({@link Resend#of}).
   *
   * @param body request body and its content type, or {@code null} for none
   */
  public Answer call(String method, URI uri, RequestBody body, TenantTokens tokens) {
    return guarded(Resend.of(method), method, uri, body, tokens);
  }

  /**
   * A POST that creates a record: sent at most once. Refusals before QAD acted on it (connection
   * refused, 401, 429) are repeated; anything that may have been applied ends in {@link
   * QadOutcomeUnknownException}.
   */
  public Answer create(URI uri, RequestBody body, TenantTokens tokens) {
    return guarded(Resend.NEVER, "POST", uri, body, tokens);
  }

  private Answer guarded(
      Resend resend, String method, URI uri, RequestBody body, TenantTokens tokens) {
    try {
      return guard.call(resend, a -> attempt(method, uri, body, tokens, a), Answer.class);
    } catch (CircuitBreaker.Open e) {
      throw new QadUnavailableException(
          tenant, "circuit breaker open after repeated failures; next trial at " + e.until(), null);
    } catch (ThrottledBeyondCap e) {
      throw new QadUnavailableException(
          tenant,
          "throttled: "
              + e.reason()
              + " "
              + e.waitAsked().toSeconds()
              + " s is above the cap; calls paused until "
              + e.openUntil(),
          null);
    }
  }

  /** Frees the connection pool. */
  public void close() {
    http.close();
  }

  /**
   * What counts against the tenant's breaker: QAD unavailable (no answer, 5xx, timeouts, bodies too
   * large). Any other exception means QAD answered (an auth error, a refusal), so it is up and a
   * half-open trial ends there too.
   */
  public static boolean isOutage(Throwable t) {
    return t instanceof QadUnavailableException;
  }

  private Answer attempt(
      String method, URI uri, RequestBody body, TenantTokens tokens, Attempt attempt) {
    String what = method + " " + uri.getPath();
    boolean resendable = attempt.resend() == Resend.ALLOWED;
    String token = tokens == null ? null : tokens.accessToken();
    ExternalHttp.Answer response;
    try {
      response =
          http.send(
              new ExternalHttp.Request(method, uri, body == null ? null : body.bytes(), token));
    } catch (BoundedAnswers.TooLarge e) {
      String why = "QAD " + e.describe("mlc.qad-client.max-body-bytes");
      throw resendable
          ? new QadUnavailableException(tenant, why, null)
          : new QadOutcomeUnknownException(tenant, why, null);
    } catch (ExternalHttp.NoAnswer e) {
      String why = "no answer from " + what + ": " + e.getMessage();
      if (e.neverSent()) {
        throw TryAgain.notSent(n -> gaveUp(why, n, e.getCause()));
      }
      if (!resendable) {
        throw new QadOutcomeUnknownException(tenant, why, e.getCause());
      }
      throw TryAgain.failed(n -> gaveUp(why, n, e.getCause()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new QadUnavailableException(tenant, "interrupted while calling QAD", e);
    }
    int status = response.status();
    if (status == 401 && tokens != null) {
      QadAuthException rejected =
          new QadAuthException(
              tenant,
              "QAD rejected a freshly issued token for " + uri.getPath(),
              "the service account may lack access to this workspace or API; check the user's"
                  + " roles and the workspace id in the tenant settings");
      if (attempt.tokenRenewed()) {
        throw rejected;
      }
      tokens.rejected(token);
      throw TryAgain.tokenRejected(n -> rejected);
    }
    if (status == 429) {
      throw TryAgain.throttled(
          response.header("Retry-After"),
          n ->
              new QadUnavailableException(
                  tenant, "still throttled (429) after " + n + " waits", null));
    }
    if (status >= 500) {
      String why = "HTTP " + status + " from " + what;
      if (!resendable) {
        throw new QadOutcomeUnknownException(tenant, why, null);
      }
      throw TryAgain.failed(n -> gaveUp(why, n, null));
    }
    try {
      return new Answer(status, ResponseBodies.parse(response));
    } catch (ResponseBodies.NotJson e) {
      if (status >= 400) {
        // An error page (wrong URL, a proxy): the status says what happened, the body is noise.
        return new Answer(status, MissingNode.getInstance());
      }
      String why = e.getMessage() + " (" + what + ")";
      if (!resendable) {
        throw status < 300
            ? new QadOutcomeUnknownException(tenant, why, null)
            : new QadMalformedResponseException(tenant, why);
      }
      throw TryAgain.failed(n -> new QadMalformedResponseException(tenant, why));
    }
  }

  private QadUnavailableException gaveUp(String why, int attempts, Throwable cause) {
    return new QadUnavailableException(
        tenant, why + " (gave up after " + attempts + " attempt(s))", cause);
  }
}

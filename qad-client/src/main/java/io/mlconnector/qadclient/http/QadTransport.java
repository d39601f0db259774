package io.mlconnector.qadclient.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.qadclient.QadAuthException;
import io.mlconnector.qadclient.QadClientSettings;
import io.mlconnector.qadclient.QadMalformedResponseException;
import io.mlconnector.qadclient.QadUnavailableException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;

/**
 * Sends one logical call to one tenant's QAD and owns everything transient about it: 429 waits
 * (never shorter than {@code Retry-After}), bounded exponential backoff with jitter on 5xx,
 * timeouts and malformed bodies, one re-authentication on 401, and the tenant's circuit breaker.
 * Answers with status below 500 other than 401/429 are returned for the caller to interpret.
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
  private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);

  public QadTransport(
      String tenant,
      String workspace,
      HttpClient http,
      QadClientSettings settings,
      CircuitBreaker breaker,
      Sleeper sleeper) {
    this.tenant = tenant;
    this.workspace = workspace;
    this.http = http;
    this.settings = settings;
    this.breaker = breaker;
    this.sleeper = sleeper;
  }

  /**
   * @param body request body and its content type, or {@code null} for none
   * @param tokens bearer tokens, or {@code null} for the token endpoint itself
   */
  public Answer call(String method, URI uri, RequestBody body, TokenSource tokens) {
    if (depth.get()[0] > 0) {
      // A token call made on behalf of an outer call: the outer call counts for the breaker.
      return withRetries(method, uri, body, tokens);
    }
    if (!breaker.tryAcquire()) {
      throw new QadUnavailableException(
          tenant,
          "circuit breaker open after repeated failures; next trial at " + breaker.openUntil(),
          null);
    }
    depth.get()[0]++;
    try {
      Answer answer = withRetries(method, uri, body, tokens);
      breaker.onSuccess();
      return answer;
    } catch (QadUnavailableException e) {
      breaker.onFailure();
      throw e;
    } finally {
      depth.get()[0]--;
    }
  }

  private Answer withRetries(String method, URI uri, RequestBody body, TokenSource tokens) {
    int attempt = 0;
    int throttled = 0;
    boolean reauthenticated = false;
    while (true) {
      attempt++;
      String token = tokens == null ? null : tokens.accessToken();
      HttpResponse<byte[]> response;
      try {
        response =
            http.send(request(method, uri, body, token), HttpResponse.BodyHandlers.ofByteArray());
      } catch (IOException e) {
        String why = "no answer from " + method + " " + uri.getPath() + ": " + describe(e);
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
        LOG.debugf("QAD tenant %s throttled; waiting %s as Retry-After asks", tenant, wait);
        sleeper.sleep(wait);
        attempt--;
        continue;
      }
      if (status >= 500) {
        backoffOrThrow(attempt, "HTTP " + status + " from " + method + " " + uri.getPath(), null);
        continue;
      }
      try {
        return new Answer(status, ResponseBodies.parse(response));
      } catch (ResponseBodies.NotJson e) {
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

  /** {@code Retry-After} in seconds (never less); without one, the backoff schedule. */
  private Duration retryAfter(HttpResponse<?> response, int attempt) {
    return response
        .headers()
        .firstValue("Retry-After")
        .map(String::trim)
        .filter(v -> v.matches("\\d{1,6}"))
        .map(v -> Duration.ofSeconds(Long.parseLong(v)))
        .orElseGet(
            () ->
                Duration.ofMillis(
                    Math.min(
                        settings.backoffMax().toMillis(),
                        settings.backoffBase().toMillis() << Math.min(attempt, 20))));
  }

  private HttpRequest request(String method, URI uri, RequestBody body, String token) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri)
            .timeout(settings.requestTimeout())
            .header("Accept", "application/json")
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

package io.mlconnector.common.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one way the fleet sends a request to a tenant's external system (QAD, ServiceNow): one
 * attempt, no retry and no interpretation of the status (that is the caller's, through common's
 * {@code CallGuard}). Redirects are never followed (a redirected request would carry the bearer
 * token wherever it points); the connection has its timeout, the headers the request timeout and
 * the whole answer twice that; an answer larger than the size limit is refused unread ({@link
 * BoundedAnswers}). Built once per tenant and system by qad-client and servicenow-client.
 *
 * <p>It sends with {@code java.net.http}, not Quarkus REST Client: see common's README for why.
 */
public final class ExternalHttp {
  /** How this client sends, for every request of one tenant's system. */
  public record Settings(
      Duration connectTimeout,
      Duration requestTimeout,
      long maxBodyBytes,
      String userAgent,
      Map<String, String> fixedHeaders) {}

  /**
   * One request.
   *
   * @param contentType of {@code body}; both null for a request without a body
   * @param bearer the access token sent as {@code Authorization: Bearer}, or null for none
   */
  public record Request(String method, URI uri, String contentType, byte[] body, String bearer) {
    /** A request with a JSON body (or none when {@code json} is null). */
    public static Request json(String method, URI uri, String json, String bearer) {
      return json == null
          ? new Request(method, uri, null, null, bearer)
          : new Request(
              method, uri, "application/json", json.getBytes(StandardCharsets.UTF_8), bearer);
    }
  }

  /** An answer, read whole within the size limit; header names are case-insensitive. */
  public record Answer(int status, Map<String, List<String>> headers, byte[] body) {
    public Optional<String> header(String name) {
      return headers(name).stream().findFirst();
    }

    public List<String> headers(String name) {
      return headers.getOrDefault(name, List.of());
    }

    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /** No answer came back. */
  public static final class NoAnswer extends Exception {
    private final boolean neverSent;

    NoAnswer(IOException cause) {
      super(describe(cause), cause);
      this.neverSent =
          cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException;
    }

    /**
     * The connection was never made, so nothing reached the system: even a POST may go again. When
     * false the request may have been acted upon (timeout, reset after sending).
     */
    public boolean neverSent() {
      return neverSent;
    }

    private static String describe(IOException e) {
      String message = e.getMessage();
      return e.getClass().getSimpleName() + (message == null ? "" : " " + message);
    }
  }

  /**
   * One JDK client (its connection pool and selector thread) per connect timeout for the whole
   * process, shared by every tenant, rather than one per tenant. HTTP/1.1: both systems speak it,
   * and plain-HTTP HTTP/2 would add an upgrade round to every new connection.
   */
  private static final Map<Duration, HttpClient> CLIENTS = new ConcurrentHashMap<>();

  private final HttpClient http;
  private final Settings settings;

  public ExternalHttp(Settings settings) {
    this.settings = settings;
    this.http =
        CLIENTS.computeIfAbsent(
            settings.connectTimeout(),
            timeout ->
                HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(timeout)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build());
  }

  /**
   * @throws BoundedAnswers.TooLarge when the answer is over the size limit (not read)
   * @throws NoAnswer when no answer came back in time
   */
  public Answer send(Request request)
      throws NoAnswer, BoundedAnswers.TooLarge, InterruptedException {
    HttpResponse<byte[]> response;
    try {
      response = BoundedAnswers.send(http, build(request), settings.maxBodyBytes(), b -> b);
    } catch (IOException e) {
      throw new NoAnswer(e);
    }
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.putAll(response.headers().map());
    return new Answer(response.statusCode(), headers, response.body());
  }

  private HttpRequest build(Request r) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(r.uri())
            .timeout(settings.requestTimeout())
            .header("Accept", "application/json")
            .header("User-Agent", settings.userAgent());
    settings.fixedHeaders().forEach(b::header);
    if (r.bearer() != null) {
      b.header("Authorization", "Bearer " + r.bearer());
    }
    if (r.body() == null) {
      b.method(r.method(), HttpRequest.BodyPublishers.noBody());
    } else {
      b.header("Content-Type", r.contentType());
      b.method(r.method(), HttpRequest.BodyPublishers.ofByteArray(r.body()));
    }
    return b.build();
  }
}

package io.mlconnector.common.http;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.Response;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The one way the fleet sends a request to a tenant's external system (QAD, ServiceNow): one
 * attempt, no retry and no interpretation of the status (that is the caller's, through common's
 * {@code CallGuard}). Built once per tenant and system by qad-client and servicenow-client, on a
 * Quarkus REST Client ({@link ExternalApi}, {@link QuarkusRestClientBuilder}) with the tenant's
 * base URI: redirects never followed (a redirected request would carry the bearer token wherever it
 * points), connect and read timeouts, a request filter for the fixed headers, no exception mapping
 * (every status is the caller's to judge). The answer is streamed and read only up to the size
 * limit: a larger one is refused unread ({@link BoundedAnswers.TooLarge}); the whole answer must
 * arrive within twice the request timeout (the REST Client's read timeout only bounds each wait for
 * data, so a server trickling bytes would otherwise hold the calling thread for ever).
 */
public final class ExternalHttp implements AutoCloseable {
  /** How this client sends, for every request of one tenant's system. */
  public record Settings(
      Duration connectTimeout,
      Duration requestTimeout,
      long maxBodyBytes,
      String userAgent,
      Map<String, String> fixedHeaders) {}

  /**
   * One request; both systems take JSON bodies only.
   *
   * @param body the JSON body, or null for none
   * @param bearer the access token sent as {@code Authorization: Bearer}, or null for none
   */
  public record Request(String method, URI uri, byte[] body, String bearer) {
    public static Request json(String method, URI uri, String json, String bearer) {
      return new Request(
          method, uri, json == null ? null : json.getBytes(StandardCharsets.UTF_8), bearer);
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

    NoAnswer(Throwable cause) {
      super(describe(cause), cause);
      this.neverSent = causedBy(cause, ConnectException.class);
    }

    /**
     * The connection was never made, so nothing reached the system: even a POST may go again. When
     * false the request may have been acted upon (timeout, reset after sending).
     */
    public boolean neverSent() {
      return neverSent;
    }

    private static String describe(Throwable e) {
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      String message = root.getMessage();
      return root.getClass().getSimpleName() + (message == null ? "" : " " + message);
    }
  }

  private final ExternalApi api;
  private final Settings settings;

  /**
   * @param base the tenant's base URI (each request names its whole URI; see {@link ExternalApi})
   */
  public ExternalHttp(URI base, Settings settings) {
    this.settings = settings;
    Map<String, String> fixed = settings.fixedHeaders();
    ClientRequestFilter headers =
        request -> {
          request.getHeaders().putSingle("User-Agent", settings.userAgent());
          fixed.forEach((name, value) -> request.getHeaders().putSingle(name, value));
        };
    this.api =
        QuarkusRestClientBuilder.newBuilder()
            .baseUri(base)
            .followRedirects(false)
            .connectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
            .readTimeout(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS)
            .disableDefaultMapper(true)
            .register(headers)
            .build(ExternalApi.class);
  }

  /**
   * @throws BoundedAnswers.TooLarge when the answer is over the size limit (not read)
   * @throws NoAnswer when no answer came back in time
   */
  public Answer send(Request request)
      throws NoAnswer, BoundedAnswers.TooLarge, InterruptedException {
    long deadline = System.nanoTime() + settings.requestTimeout().multipliedBy(2).toNanos();
    Response response;
    try {
      response = call(request);
    } catch (ProcessingException e) {
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedException("interrupted while sending");
      }
      throw new NoAnswer(e.getCause() == null ? e : e.getCause());
    }
    try (response) {
      int status = response.getStatus();
      byte[] body =
          response.hasEntity()
              ? BoundedAnswers.read(
                  response.readEntity(InputStream.class),
                  response.getLength(),
                  settings.maxBodyBytes(),
                  status,
                  deadline)
              : new byte[0];
      Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      response.getStringHeaders().forEach(headers::put);
      return new Answer(status, headers, body);
    } catch (IOException | ProcessingException e) {
      throw new NoAnswer(
          e instanceof ProcessingException && e.getCause() != null ? e.getCause() : e);
    }
  }

  private Response call(Request r) {
    String uri = r.uri().toString();
    String authorization = r.bearer() == null ? null : "Bearer " + r.bearer();
    byte[] body = r.body() == null ? new byte[0] : r.body();
    return switch (r.method()) {
      case "GET" -> api.get(uri, authorization);
      case "DELETE" -> api.delete(uri, authorization);
      case "POST" -> api.post(uri, authorization, body);
      case "PUT" -> api.put(uri, authorization, body);
      case "PATCH" -> api.patch(uri, authorization, body);
      default -> throw new IllegalArgumentException("unsupported HTTP method " + r.method());
    };
  }

  /** Frees the client's connection pool. */
  @Override
  public void close() {
    if (api instanceof Closeable c) {
      try {
        c.close();
      } catch (IOException | RuntimeException ignored) {
        // Closing only frees the pool; nothing to recover.
      }
    }
  }

  private static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (type.isInstance(c)) {
        return true;
      }
    }
    return false;
  }
}

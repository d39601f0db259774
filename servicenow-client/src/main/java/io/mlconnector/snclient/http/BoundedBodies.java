package io.mlconnector.snclient.http;

import io.mlconnector.snclient.error.ServiceNowUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.net.ssl.SSLSession;

/**
 * Sends a request and reads its answer only up to a size limit: a larger answer (declared or
 * streamed) is refused with an error naming the limit, so one runaway response cannot exhaust the
 * heap of a service that serves every tenant.
 */
final class BoundedBodies {
  private BoundedBodies() {}

  static HttpResponse<String> send(HttpClient http, HttpRequest request, long limit, String what)
      throws IOException, InterruptedException {
    HttpResponse<InputStream> streamed =
        http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    long declared = streamed.headers().firstValueAsLong("Content-Length").orElse(-1);
    try (InputStream in = streamed.body()) {
      if (declared > limit) {
        throw tooLarge(what, declared, limit, streamed.statusCode());
      }
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
      if (bytes.length > limit) {
        throw tooLarge(what, -1, limit, streamed.statusCode());
      }
      return new Read(streamed, new String(bytes, StandardCharsets.UTF_8));
    }
  }

  private static ServiceNowUnavailableException tooLarge(
      String what, long declared, long limit, int status) {
    return new ServiceNowUnavailableException(
        what
            + " answered "
            + (declared > 0 ? declared + " bytes, " : "")
            + "larger than the limit of "
            + limit
            + " bytes (mlc.servicenow.max-body-bytes); not read",
        status,
        null);
  }

  /** The streamed answer with its body read into memory. */
  private record Read(HttpResponse<?> head, String body) implements HttpResponse<String> {
    @Override
    public int statusCode() {
      return head.statusCode();
    }

    @Override
    public HttpRequest request() {
      return head.request();
    }

    @Override
    public Optional<HttpResponse<String>> previousResponse() {
      return Optional.empty();
    }

    @Override
    public HttpHeaders headers() {
      return head.headers();
    }

    @Override
    public Optional<SSLSession> sslSession() {
      return head.sslSession();
    }

    @Override
    public URI uri() {
      return head.uri();
    }

    @Override
    public HttpClient.Version version() {
      return head.version();
    }
  }
}

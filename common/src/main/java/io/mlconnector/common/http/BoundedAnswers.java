package io.mlconnector.common.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.function.Function;
import javax.net.ssl.SSLSession;

/**
 * Sends a request and reads its answer only up to a size limit: a larger answer (declared by its
 * {@code Content-Length} or streamed without one) is refused unread, so one runaway response cannot
 * exhaust the heap of a service that serves every tenant. Both external clients use it.
 */
public final class BoundedAnswers {
  private BoundedAnswers() {}

  /** The answer was larger than the limit; its body was not read. */
  public static final class TooLarge extends Exception {
    private final long declared;
    private final long limit;
    private final int status;

    TooLarge(long declared, long limit, int status) {
      super(null, null, false, false);
      this.declared = declared;
      this.limit = limit;
      this.status = status;
    }

    /** HTTP status of the refused answer. */
    public int status() {
      return status;
    }

    /** One sentence for people, naming the setting that moves the limit. */
    public String describe(String setting) {
      return "answered "
          + (declared > 0 ? declared + " bytes, " : "")
          + "larger than the limit of "
          + limit
          + " bytes ("
          + setting
          + "); not read";
    }
  }

  /**
   * @param decode turns the (bounded) body bytes into the body type the caller works with
   * @throws TooLarge when the answer is over {@code limit} bytes
   */
  public static <T> HttpResponse<T> send(
      HttpClient http, HttpRequest request, long limit, Function<byte[], T> decode)
      throws IOException, InterruptedException, TooLarge {
    HttpResponse<InputStream> streamed =
        http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    long declared = streamed.headers().firstValueAsLong("Content-Length").orElse(-1);
    try (InputStream in = streamed.body()) {
      if (declared > limit) {
        throw new TooLarge(declared, limit, streamed.statusCode());
      }
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
      if (bytes.length > limit) {
        throw new TooLarge(-1, limit, streamed.statusCode());
      }
      return new Read<>(streamed, decode.apply(bytes));
    }
  }

  /** The streamed answer with its body read into memory. */
  private record Read<T>(HttpResponse<?> head, T body) implements HttpResponse<T> {
    @Override
    public int statusCode() {
      return head.statusCode();
    }

    @Override
    public HttpRequest request() {
      return head.request();
    }

    @Override
    public Optional<HttpResponse<T>> previousResponse() {
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

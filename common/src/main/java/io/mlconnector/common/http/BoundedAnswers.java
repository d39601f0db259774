package io.mlconnector.common.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import javax.net.ssl.SSLSession;

/**
 * Sends a request and reads its answer only up to a size limit: a larger answer (declared by its
 * {@code Content-Length} or streamed without one) is refused unread, so one runaway response cannot
 * exhaust the heap of a service that serves every tenant. The body has a deadline too: the JDK
 * client's request timeout ends when the headers arrive, so a server that sends headers and then
 * stalls would hold the calling (consumer) thread forever; here the whole answer must arrive within
 * twice the request's timeout (headers within one, the JDK's rule). {@link ExternalHttp} sends
 * through it.
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
   * @throws HttpTimeoutException when the headers or the body do not arrive in time
   */
  static <T> HttpResponse<T> send(
      HttpClient http, HttpRequest request, long limit, Function<byte[], T> decode)
      throws IOException, InterruptedException, TooLarge {
    CompletableFuture<HttpResponse<Body>> exchange =
        http.sendAsync(
            request,
            info -> {
              long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
              return declared > limit
                  ? HttpResponse.BodySubscribers.replacing(new Body(null, declared))
                  : new LimitedBody(limit);
            });
    HttpResponse<Body> response = await(exchange, request.timeout());
    Body body = response.body();
    if (body.bytes() == null) {
      throw new TooLarge(body.declared(), limit, response.statusCode());
    }
    return new Read<>(response, decode.apply(body.bytes()));
  }

  private static <R> R await(CompletableFuture<R> exchange, Optional<Duration> timeout)
      throws IOException, InterruptedException {
    try {
      return timeout.isPresent()
          ? exchange.get(timeout.get().toMillis() * 2, TimeUnit.MILLISECONDS)
          : exchange.get();
    } catch (TimeoutException e) {
      exchange.cancel(true);
      throw new HttpTimeoutException(
          "answer not complete within " + timeout.get().toMillis() * 2 + " ms");
    } catch (InterruptedException e) {
      exchange.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new IOException(cause);
    }
  }

  /** The body's bytes, or null when refused for size ({@code declared}: its Content-Length). */
  private record Body(byte[] bytes, long declared) {}

  /** Collects the body up to the limit; beyond it, stops reading and answers "too large". */
  private static final class LimitedBody implements HttpResponse.BodySubscriber<Body> {
    private final long limit;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<Body> result = new CompletableFuture<>();
    private Flow.Subscription subscription;
    private long seen;

    LimitedBody(long limit) {
      this.limit = limit;
    }

    @Override
    public CompletionStage<Body> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      if (result.isDone()) {
        return;
      }
      for (ByteBuffer item : items) {
        seen += item.remaining();
        if (seen > limit) {
          subscription.cancel();
          result.complete(new Body(null, -1));
          return;
        }
        byte[] chunk = new byte[item.remaining()];
        item.get(chunk);
        bytes.write(chunk, 0, chunk.length);
      }
    }

    @Override
    public void onError(Throwable failure) {
      result.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
      result.complete(new Body(bytes.toByteArray(), -1));
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

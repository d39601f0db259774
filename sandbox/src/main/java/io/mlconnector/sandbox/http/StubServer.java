package io.mlconnector.sandbox.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A bare loopback endpoint for client tests that need answers no simulator gives on purpose: an
 * answer that arrives after the client's timeout, a 50 MB body without {@code Content-Length}, an
 * HTTP-date {@code Retry-After}, a redirect. Each request goes to the test's handler on its own
 * thread (a retry is never queued behind a slow answer); a client hanging up mid-answer is expected
 * and ignored; every request is recorded as {@code "METHOD /path"}.
 */
public final class StubServer implements AutoCloseable {
  /** Answers one request; the exchange is closed afterwards. */
  public interface Handler {
    void handle(HttpExchange exchange) throws IOException;
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final List<String> hits = new CopyOnWriteArrayList<>();

  private StubServer(Handler handler) throws IOException {
    System.setProperty(SimServer.NODELAY_PROPERTY, "true"); // as the simulators do, see there
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext(
        "/",
        exchange -> {
          hits.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
          try (exchange) {
            exchange.getRequestBody().readAllBytes();
            handler.handle(exchange);
          } catch (IOException clientHungUp) {
            // expected: the client refused the rest of the answer (size limit, timeout)
          }
        });
    server.start();
  }

  public static StubServer start(Handler handler) throws IOException {
    return new StubServer(handler);
  }

  /** {@code path} on this server, e.g. {@code "/clouderp"}. */
  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  /** Every request so far, as {@code "METHOD /path"}. */
  public List<String> hits() {
    return hits;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  /** A JSON answer ({@code body} empty: none). */
  public static void reply(HttpExchange exchange, int status, String body) throws IOException {
    reply(exchange, status, body.getBytes(StandardCharsets.UTF_8));
  }

  /** A JSON answer ({@code body} empty: none). */
  public static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** A JSON answer sent only after {@code delay} (past a client's timeout: no answer in time). */
  public static void replyLate(HttpExchange exchange, Duration delay, int status, String body)
      throws IOException {
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    reply(exchange, status, body);
  }

  /**
   * A 200 whose body never ends in time: a space every {@code every}, for at most {@code atMost}
   * (each piece well within any read timeout, the whole far beyond any deadline).
   */
  public static void trickle(HttpExchange exchange, Duration every, Duration atMost)
      throws IOException {
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, 0);
    long end = System.nanoTime() + atMost.toNanos();
    try (OutputStream out = exchange.getResponseBody()) {
      while (System.nanoTime() < end) {
        out.write(' ');
        out.flush();
        Thread.sleep(every.toMillis());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A 200 of {@code megabytes} MB of spaces, chunked: no {@code Content-Length} to trust. */
  public static void chunked(HttpExchange exchange, int megabytes) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, 0);
    byte[] chunk = new byte[1 << 20];
    Arrays.fill(chunk, (byte) ' ');
    try (OutputStream out = exchange.getResponseBody()) {
      for (int i = 0; i < megabytes; i++) {
        out.write(chunk);
      }
    }
  }
}

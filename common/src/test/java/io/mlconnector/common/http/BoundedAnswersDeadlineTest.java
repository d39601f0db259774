package io.mlconnector.common.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A server that sends its headers and then stalls must not hold the calling thread forever. */
class BoundedAnswersDeadlineTest {
  private final CountDownLatch release = new CountDownLatch(1);
  private HttpServer server;
  private URI base;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/stall",
        exchange -> {
          exchange.sendResponseHeaders(200, 0); // chunked: the body may go on forever
          OutputStream body = exchange.getResponseBody();
          body.write("{\"result\": [".getBytes(StandardCharsets.UTF_8));
          body.flush();
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.close();
        });
    server.createContext(
        "/ok",
        exchange -> {
          byte[] answer = "{\"result\": []}".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
    base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @AfterEach
  void stop() {
    release.countDown();
    server.stop(0);
  }

  @Test
  void aBodyThatStallsAfterTheHeadersEndsWithATimeoutAndNoInterruptLeaks() {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve("/stall")).timeout(Duration.ofSeconds(1)).build();
    assertTimeoutPreemptively(
        Duration.ofSeconds(20),
        () ->
            assertThatThrownBy(() -> BoundedAnswers.send(http, request, 1_000_000, b -> b))
                .isInstanceOf(HttpTimeoutException.class)
                .hasMessageContaining("answer not complete"));
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
  }

  @Test
  void aCompleteAnswerIsReadAndTheDeadlineNeverInterruptsTheCallerLater() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve("/ok")).timeout(Duration.ofSeconds(2)).build();
    var answer =
        BoundedAnswers.send(http, request, 1_000, b -> new String(b, StandardCharsets.UTF_8));
    assertThat(answer.body()).isEqualTo("{\"result\": []}");
    Thread.sleep(4_500); // past the deadline: nothing left running may interrupt us now
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
  }
}

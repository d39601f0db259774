package io.mlconnector.snpoller;

import com.sun.net.httpserver.HttpServer;
import io.mlconnector.stack.ApiTokenFixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Stands in for qad-poller's {@code POST /polls/{tenant}/run}: records each call with a snapshot
 * the test chooses (e.g. how many invoice reads ServiceNow had served by then) and fails for the
 * tenants told to; like the real endpoint it answers 401 without the operate token.
 */
final class ReceiptSyncStub {
  private static ReceiptSyncStub instance;

  /** One call: the tenant and what {@code snapshot} said at that moment. */
  record Call(String tenant, Object snapshot) {}

  private final HttpServer server;
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Set<String> failing = ConcurrentHashMap.newKeySet();
  private final Map<String, Supplier<Object>> snapshots = new ConcurrentHashMap<>();
  private final Set<String> redirecting = ConcurrentHashMap.newKeySet();
  private final Map<String, Duration> stalling = new ConcurrentHashMap<>();

  private ReceiptSyncStub() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/polls/",
        exchange -> {
          String tenant = exchange.getRequestURI().getPath().split("/")[2];
          Supplier<Object> snapshot = snapshots.getOrDefault(tenant, () -> null);
          calls.add(new Call(tenant, snapshot.get()));
          // Like qad-poller's operator API: no operate token, no poll.
          boolean authorized =
              ApiTokenFixtures.bearer(ApiTokenFixtures.OPERATE)
                  .equals(exchange.getRequestHeaders().getFirst("Authorization"));
          int status =
              !authorized
                  ? 401
                  : "POST".equals(exchange.getRequestMethod()) && !failing.contains(tenant)
                      ? 200
                      : 503;
          if (redirecting.contains(tenant)) {
            // If the client followed it, the stub would see a call for "<tenant>-moved".
            exchange.getResponseHeaders().add("Location", "/polls/" + tenant + "-moved/run");
            status = 303;
          }
          sleep(stalling.getOrDefault(tenant, Duration.ZERO));
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    // A stalled answer must not hold up the others.
    server.setExecutor(
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "receipt-sync-stub");
              t.setDaemon(true);
              return t;
            }));
    server.start();
  }

  static synchronized ReceiptSyncStub instance() {
    if (instance == null) {
      instance = new ReceiptSyncStub();
    }
    return instance;
  }

  URI baseUri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  void failFor(String tenant) {
    failing.add(tenant);
  }

  /** Answers the tenant's calls with a 303 to another tenant's run. */
  void redirectFor(String tenant) {
    redirecting.add(tenant);
  }

  /** Answers the tenant's calls only after {@code delay}. */
  void stallFor(String tenant, Duration delay) {
    stalling.put(tenant, delay);
  }

  private static void sleep(Duration delay) {
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  void snapshotOnCall(String tenant, Supplier<Object> snapshot) {
    snapshots.put(tenant, snapshot);
  }

  List<Call> calls(String tenant) {
    return calls.stream().filter(c -> c.tenant().equals(tenant)).toList();
  }
}

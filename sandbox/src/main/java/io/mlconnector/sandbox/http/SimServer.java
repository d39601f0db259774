package io.mlconnector.sandbox.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tiny router on the JDK HTTP server, bound to loopback only. Routes are templates such as {@code
 * /sn/{instance}/api/now/table/{table}}; a {@code {name*}} segment matches the rest of the path.
 * First matching route wins; no match answers 404 with a plain body.
 */
public final class SimServer implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(SimServer.class.getName());

  /**
   * Without TCP_NODELAY the JDK server's answers on a reused connection wait for the client's
   * delayed ACK (~40 ms each: Nagle), which bounded every benchmark's calls per second instead of
   * the connector or the latency model. The JDK server reads the switch once, when its first server
   * is created in the JVM, so it is set here, before any simulator starts; launchers and the
   * build's test JVMs set it on the command line too, in case another JDK server came first.
   */
  public static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";

  static {
    System.setProperty(NODELAY_PROPERTY, "true");
  }

  /** Handles one request. */
  @FunctionalInterface
  public interface Handler {
    SimResponse handle(SimRequest request) throws Exception;
  }

  private record Route(String method, Pattern pattern, List<String> names, Handler handler) {}

  private final List<Route> routes = new ArrayList<>();
  private final RetryAfterWatch retryAfter = new RetryAfterWatch();
  private final ThrottleWindows windows = new ThrottleWindows();
  private HttpServer server;
  private ExecutorService executor;

  /** Registers a route; {@code method} "*" matches any method. */
  public SimServer route(String method, String template, Handler handler) {
    List<String> names = new ArrayList<>();
    StringBuilder regex = new StringBuilder("^");
    Matcher m = Pattern.compile("\\{([a-zA-Z]+)(\\*?)}").matcher(template);
    int last = 0;
    while (m.find()) {
      regex.append(Pattern.quote(template.substring(last, m.start())));
      regex.append(m.group(2).isEmpty() ? "([^/]+)" : "(.*)");
      names.add(m.group(1));
      last = m.end();
    }
    regex.append(Pattern.quote(template.substring(last))).append("/?$");
    routes.add(new Route(method, Pattern.compile(regex.toString()), names, handler));
    return this;
  }

  /** Starts on the given loopback port (0 = any free port). */
  public SimServer start(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
    executor = Executors.newFixedThreadPool(16);
    server.setExecutor(executor);
    server.createContext("/", this::dispatch);
    server.start();
    return this;
  }

  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Calls that came back on a connection before a 429's {@code Retry-After} had passed. */
  public long retryAfterViolations() {
    return retryAfter.violations();
  }

  /** The first calls counted in {@link #retryAfterViolations()}: method, path, how early. */
  public List<String> retryAfterViolationCalls() {
    return retryAfter.named();
  }

  /**
   * Calls per client ({@code User-Agent}) that arrived for a tenant while a 429's {@code
   * Retry-After} given to any client of that tenant was still running: the fleet-wide rule.
   */
  public Map<String, Long> throttleViolationsByClient() {
    return windows.byClient();
  }

  /** The first calls counted in {@link #throttleViolationsByClient()}: client, call, how early. */
  public List<String> throttleViolationCalls() {
    return windows.named();
  }

  /** The tenant a path belongs to: its first two segments ({@code /sn/acme}, {@code /qad/acme}). */
  private static String tenantOf(String path) {
    int second = path.indexOf('/', 1);
    if (second < 0) {
      return path;
    }
    int third = path.indexOf('/', second + 1);
    return third < 0 ? path : path.substring(0, third);
  }

  private void dispatch(HttpExchange exchange) throws IOException {
    // A retry is the same call (method and URI) from the same client connection.
    String call = exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath();
    String query = exchange.getRequestURI().getRawQuery();
    String connection =
        exchange.getRemoteAddress() + " " + call + (query == null ? "" : "?" + query);
    retryAfter.arrived(connection, call);
    String tenant = tenantOf(exchange.getRequestURI().getRawPath());
    String client = exchange.getRequestHeaders().getFirst("User-Agent");
    windows.arrived(tenant, client == null ? "(no User-Agent)" : client, call);
    SimResponse response;
    try {
      response = resolve(exchange);
    } catch (Exception e) {
      LOG.log(Level.WARNING, "simulator handler failed", e);
      response = SimResponse.text(500, "text/plain", "simulator error: " + e);
    }
    retryAfter.answered(connection, response);
    windows.answered(tenant, response);
    write(exchange, response);
  }

  private SimResponse resolve(HttpExchange exchange) throws Exception {
    String path = exchange.getRequestURI().getRawPath();
    for (Route route : routes) {
      if (!route.method.equals("*") && !route.method.equals(exchange.getRequestMethod())) {
        continue;
      }
      Matcher m = route.pattern.matcher(path);
      if (m.matches()) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < route.names.size(); i++) {
          params.put(route.names.get(i), m.group(i + 1));
        }
        return route.handler.handle(new SimRequest(exchange, params));
      }
    }
    return SimResponse.text(404, "text/plain", "no route for " + path);
  }

  private static void write(HttpExchange exchange, SimResponse response) throws IOException {
    if (response.dropsConnection()) {
      // Closing before sendResponseHeaders closes the TCP connection: the client gets no status.
      exchange.close();
      return;
    }
    response.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    byte[] body = response.body();
    boolean noBody = body.length == 0 || response.status() == 204;
    exchange.sendResponseHeaders(response.status(), noBody ? -1 : body.length);
    if (!noBody) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
    exchange.close();
  }

  @Override
  public void close() {
    if (server != null) {
      server.stop(0);
      executor.shutdownNow();
      server = null;
    }
  }
}

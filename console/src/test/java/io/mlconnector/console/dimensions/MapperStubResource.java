package io.mlconnector.console.dimensions;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A stand-in mapper-service on a loopback port, given to the console as {@code
 * mlc.console.mapper.url} (with a trailing slash, as an operator may write it). It answers each
 * tenant by its name, so a test needs no shared state with it: {@code echo-…} answers 200 with what
 * it received (method, raw path, {@code Authorization}, {@code Content-Type}, body); {@code
 * answers-<status>} answers that status with an error body of its own ({@code code}
 * "mapper-says-<status>"), as the mapper does when it refuses a mapping or fails.
 */
public class MapperStubResource implements QuarkusTestResourceLifecycleManager {
  private static final ObjectMapper JSON = new ObjectMapper();
  private HttpServer server;

  @Override
  public Map<String, String> start() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", MapperStubResource::answer);
    server.start();
    return Map.of(
        "mlc.console.mapper.url", "http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  @Override
  public void stop() {
    server.stop(0);
  }

  private static void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      String tenant = path.split("/")[2];
      Map<String, Object> body = new LinkedHashMap<>();
      int status = 200;
      if (tenant.startsWith("answers-")) {
        status = Integer.parseInt(tenant.substring("answers-".length()));
        body.put("status", status);
        body.put("code", "mapper-says-" + status);
        body.put("message", "the stand-in mapper's own answer");
      } else {
        body.put("method", exchange.getRequestMethod());
        body.put("path", path);
        body.put("authorization", exchange.getRequestHeaders().getFirst("Authorization"));
        body.put("contentType", exchange.getRequestHeaders().getFirst("Content-Type"));
        body.put(
            "body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      }
      byte[] bytes = JSON.writeValueAsBytes(body);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }
}

package io.mlconnector.sandbox.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One incoming request with its path parameters, decoded query parameters and body read once. */
public final class SimRequest {
  private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

  private final HttpExchange exchange;
  private final Map<String, String> pathParams;
  private final Map<String, String> queryParams;
  private final byte[] body;

  SimRequest(HttpExchange exchange, Map<String, String> pathParams) throws IOException {
    this.exchange = exchange;
    this.pathParams = Collections.unmodifiableMap(pathParams);
    this.queryParams = parseForm(exchange.getRequestURI().getRawQuery());
    try (InputStream in = exchange.getRequestBody()) {
      this.body = in.readNBytes(MAX_BODY_BYTES);
    }
  }

  public String method() {
    return exchange.getRequestMethod();
  }

  /** The raw (still percent-encoded) path, as the client sent it. */
  public String rawPath() {
    return exchange.getRequestURI().getRawPath();
  }

  public String pathParam(String name) {
    return pathParams.get(name);
  }

  /** Decoded query parameter, or {@code null}. */
  public String query(String name) {
    return queryParams.get(name);
  }

  public Map<String, String> queryParams() {
    return queryParams;
  }

  /**
   * Every decoded value of a repeated query parameter, in request order (e.g. several {@code
   * filter=} conditions); empty when absent. {@link #query(String)} keeps only the first.
   */
  public List<String> queryValues(String name) {
    List<String> values = new ArrayList<>();
    String raw = exchange.getRequestURI().getRawQuery();
    if (raw == null || raw.isEmpty()) {
      return values;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = decode(eq < 0 ? pair : pair.substring(0, eq));
      if (key.equals(name)) {
        values.add(decode(eq < 0 ? "" : pair.substring(eq + 1)));
      }
    }
    return values;
  }

  /** First value of a request header, or {@code null}. */
  public String header(String name) {
    return exchange.getRequestHeaders().getFirst(name);
  }

  public byte[] body() {
    return body;
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** Body parsed as {@code application/x-www-form-urlencoded}. */
  public Map<String, String> form() {
    return parseForm(bodyText());
  }

  /** The loopback address and port the request came to, for building absolute links. */
  public String host() {
    String host = header("Host");
    return host != null ? host : "127.0.0.1:" + exchange.getLocalAddress().getPort();
  }

  static Map<String, String> parseForm(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : List.of(raw.split("&"))) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      out.putIfAbsent(decode(key), decode(value));
    }
    return out;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return s;
    }
  }
}

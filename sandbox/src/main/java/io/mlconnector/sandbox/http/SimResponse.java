package io.mlconnector.sandbox.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a simulator answers: status, headers, raw body bytes (so faults can send garbage). */
public record SimResponse(int status, Map<String, String> headers, byte[] body) {

  public static SimResponse json(int status, String json) {
    return new SimResponse(
        status, header("Content-Type", "application/json;charset=UTF-8"), utf8(json));
  }

  public static SimResponse text(int status, String contentType, String text) {
    return new SimResponse(status, header("Content-Type", contentType), utf8(text));
  }

  /**
   * No answer at all: the server closes the connection before sending a status line (status 0 is
   * never sent; {@link SimServer} recognises it).
   */
  public static SimResponse dropConnection() {
    return new SimResponse(0, new LinkedHashMap<>(), new byte[0]);
  }

  public boolean dropsConnection() {
    return status == 0;
  }

  public static SimResponse empty(int status) {
    return new SimResponse(status, new LinkedHashMap<>(), new byte[0]);
  }

  /** A copy with one more header. */
  public SimResponse withHeader(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new SimResponse(status, copy, body);
  }

  private static Map<String, String> header(String name, String value) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put(name, value);
    return h;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}

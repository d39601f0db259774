package io.mlconnector.qadclient.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** A JSON request body (QAD's API takes no other). */
public record RequestBody(byte[] bytes) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public static RequestBody json(JsonNode node) {
    try {
      return new RequestBody(JSON.writeValueAsBytes(node));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot serialise request body", e);
    }
  }

  /** A value for a query string. */
  public static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}

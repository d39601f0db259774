package io.mlconnector.qadclient.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/** A request body with its content type. */
public record RequestBody(String contentType, byte[] bytes) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public static RequestBody json(JsonNode node) {
    try {
      return new RequestBody("application/json", JSON.writeValueAsBytes(node));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot serialise request body", e);
    }
  }

  public static RequestBody form(Map<String, String> fields) {
    String encoded =
        fields.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    return new RequestBody(
        "application/x-www-form-urlencoded", encoded.getBytes(StandardCharsets.UTF_8));
  }

  public static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}

package io.mlconnector.sandbox.servicenow.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlconnector.sandbox.http.SimResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON in and out for the simulated APIs; one mapper, order-preserving maps. */
public final class Json {
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static SimResponse response(int status, Object body) {
    return SimResponse.json(status, write(body));
  }

  /** The tree of a request body; throws {@link IOException} on anything that is not JSON. */
  public static JsonNode read(byte[] body) throws IOException {
    JsonNode node = MAPPER.readTree(body);
    if (node == null) {
      throw new IOException("empty body");
    }
    return node;
  }

  /**
   * A record body as ServiceNow accepts it: every value becomes its string form, a reference may
   * come as {@code {"value": sys_id}}, null becomes "".
   */
  public static Map<String, String> recordValues(JsonNode object) {
    Map<String, String> out = new LinkedHashMap<>();
    object
        .fields()
        .forEachRemaining(
            e -> {
              JsonNode v = e.getValue();
              String text =
                  v.isNull()
                      ? ""
                      : v.isObject()
                          ? v.path("value").asText("")
                          : v.isValueNode() ? v.asText() : v.toString();
              out.put(e.getKey(), text);
            });
    return out;
  }
}

package io.mlconnector.snclient.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlconnector.snclient.error.ServiceNowResponseFormatException;
import io.mlconnector.snclient.model.ServiceNowRecord;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads ServiceNow JSON bodies; a cut-off or garbled body becomes a typed, explained error. */
public final class ResponseJson {
  public static final ObjectMapper JSON = new ObjectMapper();

  private ResponseJson() {}

  public static JsonNode read(String body, int status, String what) {
    try {
      JsonNode node = JSON.readTree(body);
      if (node == null || !node.isObject()) {
        throw new IOException("not a JSON object");
      }
      return node;
    } catch (IOException e) {
      throw new ServiceNowResponseFormatException(
          what
              + " answered "
              + status
              + " with a body that is not complete JSON ("
              + (body == null ? 0 : body.length())
              + " chars, truncated or garbled); the call's effect is unknown",
          status,
          e);
    }
  }

  /** A {@code result} object as a record; reference columns reduced to their sys_id. */
  public static ServiceNowRecord record(JsonNode result) {
    Map<String, String> values = new LinkedHashMap<>();
    result
        .fields()
        .forEachRemaining(
            e -> {
              JsonNode v = e.getValue();
              values.put(
                  e.getKey(),
                  v.isObject() ? v.path("value").asText("") : v.isNull() ? "" : v.asText());
            });
    return new ServiceNowRecord(values);
  }
}

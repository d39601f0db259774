package io.mlconnector.qadclient;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One entry of QAD's {@code errors[]} / {@code warnings[]}: {fieldName, message, fieldValue, code}.
 */
public record FieldError(String fieldName, String message, String fieldValue, String code) {

  /** Reads an array of QAD field errors; a missing or non-array node gives an empty list. */
  public static List<FieldError> listOf(JsonNode array) {
    List<FieldError> out = new ArrayList<>();
    if (array != null && array.isArray()) {
      for (JsonNode e : array) {
        out.add(
            new FieldError(
                e.path("fieldName").asText(null),
                e.path("message").asText(null),
                e.path("fieldValue").asText(null),
                e.path("code").asText(null)));
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return code + (fieldName == null ? "" : " on " + fieldName) + ": " + message;
  }
}

package io.mlconnector.console.parked;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One line that tells an operator which record a parking is about (invoice number, supplier,
 * amount…): the first plain fields of what was parked, never whole bodies.
 */
final class PayloadSummary {
  private static final int MAX_FIELDS = 6;
  private static final int MAX_CHARS = 240;

  private PayloadSummary() {}

  static String of(JsonNode parkedPayload) {
    JsonNode body = parkedPayload.path("original");
    if (body.isMissingNode() || body.isNull()) {
      body = parkedPayload.path("command");
    }
    List<String> parts = new ArrayList<>();
    add(body, "", 1, parts);
    String out = String.join(", ", parts);
    return out.length() <= MAX_CHARS ? out : out.substring(0, MAX_CHARS - 1) + "…";
  }

  /** Plain fields first, then those of nested objects (one level), arrays as their size. */
  private static void add(JsonNode node, String prefix, int depth, List<String> out) {
    List<Map.Entry<String, JsonNode>> nested = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      JsonNode v = f.getValue();
      if (out.size() >= MAX_FIELDS) {
        return;
      }
      if (v.isValueNode() && !v.isNull()) {
        out.add(prefix + f.getKey() + "=" + v.asText());
      } else if (v.isArray()) {
        out.add(prefix + f.getKey() + "=[" + v.size() + "]");
      } else if (v.isObject()) {
        nested.add(f);
      }
    }
    if (depth > 0) {
      for (Map.Entry<String, JsonNode> f : nested) {
        add(f.getValue(), prefix + f.getKey() + ".", depth - 1, out);
      }
    }
  }
}

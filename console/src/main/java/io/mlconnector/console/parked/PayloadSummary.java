package io.mlconnector.console.parked;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
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
    StringBuilder out = new StringBuilder();
    int fields = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = body.fields();
        it.hasNext() && fields < MAX_FIELDS; ) {
      Map.Entry<String, JsonNode> f = it.next();
      if (f.getValue().isValueNode() && !f.getValue().isNull()) {
        out.append(out.length() == 0 ? "" : ", ")
            .append(f.getKey())
            .append('=')
            .append(f.getValue().asText());
        fields++;
      }
    }
    return out.length() <= MAX_CHARS ? out.toString() : out.substring(0, MAX_CHARS - 1) + "…";
  }
}

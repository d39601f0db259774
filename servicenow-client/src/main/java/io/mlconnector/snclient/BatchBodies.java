package io.mlconnector.snclient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.snclient.BatchApi.Answer;
import io.mlconnector.snclient.BatchApi.SubRequest;
import io.mlconnector.snclient.http.ResponseJson;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The Batch API's wire format: sub-requests in (base64 bodies), their answers out. */
final class BatchBodies {
  private BatchBodies() {}

  /** The body of one {@code POST /api/now/v1/batch} carrying {@code items}. */
  static String request(List<SubRequest> items) {
    ObjectNode body = ResponseJson.JSON.createObjectNode();
    body.put("batch_request_id", UUID.randomUUID().toString());
    ArrayNode requests = body.putArray("rest_requests");
    for (SubRequest s : items) {
      ObjectNode r = requests.addObject();
      r.put("id", s.id());
      r.put("method", s.method());
      r.put("url", s.url());
      ArrayNode headers = r.putArray("headers");
      headers.addObject().put("name", "Accept").put("value", "application/json");
      if (s.body() != null) {
        headers.addObject().put("name", "Content-Type").put("value", "application/json");
        r.put(
            "body", Base64.getEncoder().encodeToString(s.body().getBytes(StandardCharsets.UTF_8)));
      }
      // A read needs its Link header (more pages); a write's headers are not used.
      r.put("exclude_response_headers", !s.method().equals("GET"));
    }
    return body.toString();
  }

  /** A serviced sub-request's answer: its body base64-decoded, its headers by name. */
  static Answer answer(JsonNode item) {
    String decoded =
        item.hasNonNull("body") && !item.path("body").asText().isEmpty()
            ? new String(
                Base64.getDecoder().decode(item.path("body").asText()), StandardCharsets.UTF_8)
            : "";
    Map<String, String> headers = new LinkedHashMap<>();
    for (JsonNode h : item.path("headers")) {
      headers.merge(h.path("name").asText(), h.path("value").asText(), (a, b) -> a + ", " + b);
    }
    return new Answer(item.path("status_code").asInt(), decoded, headers, null);
  }
}

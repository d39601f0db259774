package io.mlconnector.snclient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.snclient.error.ServiceNowErrors;
import io.mlconnector.snclient.error.ServiceNowException;
import io.mlconnector.snclient.error.ServiceNowUnavailableException;
import io.mlconnector.snclient.http.InstancePaths;
import io.mlconnector.snclient.http.ResponseJson;
import io.mlconnector.snclient.http.ServiceNowTransport;
import io.mlconnector.snclient.http.ServiceNowTransport.Request;
import io.mlconnector.snclient.http.ServiceNowTransport.Response;
import io.mlconnector.snclient.model.BatchWrite;
import io.mlconnector.snclient.model.BatchWriteResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code POST /api/now/v1/batch}: writes go as base64-bodied sub-requests; ids ServiceNow lists in
 * {@code unserviced_requests} (transaction quota reached) are sent again, in their original order,
 * until all were serviced or the resend budget is spent. The batch call itself is not retried on
 * 5xx (its inserts may have run); the caller looks its rows up again instead.
 */
final class BatchApi {
  private final InstancePaths paths;
  private final ServiceNowTransport transport;
  private final int maxResends;

  BatchApi(InstancePaths paths, ServiceNowTransport transport, int maxResends) {
    this.paths = paths;
    this.transport = transport;
    this.maxResends = maxResends;
  }

  List<BatchWriteResult> execute(List<BatchWrite> writes) {
    Map<String, BatchWrite> pending = new LinkedHashMap<>();
    writes.forEach(w -> pending.put(w.id(), w));
    if (pending.size() != writes.size()) {
      throw new IllegalArgumentException("batch item ids must be unique");
    }
    Map<String, BatchWriteResult> done = new LinkedHashMap<>();
    for (int round = 0; !pending.isEmpty(); round++) {
      if (round > maxResends) {
        throw new ServiceNowUnavailableException(
            "Batch API left "
                + pending.size()
                + " item(s) unserviced after "
                + maxResends
                + " resends",
            200,
            null);
      }
      JsonNode answer = send(new ArrayList<>(pending.values()));
      for (JsonNode item : answer.path("serviced_requests")) {
        String id = item.path("id").asText();
        BatchWrite write = pending.remove(id);
        if (write != null) {
          done.put(id, outcome(write, item));
        }
      }
    }
    return writes.stream().map(w -> done.get(w.id())).toList();
  }

  private JsonNode send(List<BatchWrite> items) {
    ObjectNode body = ResponseJson.JSON.createObjectNode();
    body.put("batch_request_id", UUID.randomUUID().toString());
    ArrayNode requests = body.putArray("rest_requests");
    for (BatchWrite w : items) {
      ObjectNode r = requests.addObject();
      r.put("id", w.id());
      r.put("method", w.isInsert() ? "POST" : "PATCH");
      r.put("url", paths.recordPath(w.table(), w.sysId()));
      ArrayNode headers = r.putArray("headers");
      headers.addObject().put("name", "Content-Type").put("value", "application/json");
      headers.addObject().put("name", "Accept").put("value", "application/json");
      String json = ServiceNowClient.json(w.values());
      r.put("body", Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8)));
      r.put("exclude_response_headers", true);
    }
    Response r = transport.send(Request.of("POST", paths.batch(), body.toString(), "batch"));
    return ResponseJson.read(r.body(), r.status(), "POST batch");
  }

  private static BatchWriteResult outcome(BatchWrite write, JsonNode item) {
    int status = item.path("status_code").asInt();
    String decoded =
        item.hasNonNull("body") && !item.path("body").asText().isEmpty()
            ? new String(
                Base64.getDecoder().decode(item.path("body").asText()), StandardCharsets.UTF_8)
            : "";
    String what =
        (write.isInsert() ? "POST" : "PATCH")
            + " table/"
            + write.table()
            + " (batch item "
            + write.id()
            + ")";
    if (status >= 200 && status < 300) {
      try {
        JsonNode result = ResponseJson.read(decoded, status, what).path("result");
        return new BatchWriteResult(write.id(), ResponseJson.record(result), null);
      } catch (ServiceNowException e) {
        return new BatchWriteResult(write.id(), null, e);
      }
    }
    return new BatchWriteResult(write.id(), null, ServiceNowErrors.of(what, status, decoded));
  }
}

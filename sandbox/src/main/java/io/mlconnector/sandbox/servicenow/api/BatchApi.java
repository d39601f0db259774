package io.mlconnector.sandbox.servicenow.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.sandbox.http.SimResponse;
import io.mlconnector.sandbox.servicenow.ServiceNowInstance;
import io.mlconnector.sandbox.servicenow.fault.FaultSwitches;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/now/v1/batch}: runs each base64-bodied sub-request through the Table API as the
 * caller, one after the other (each waits the latency model's per-sub-request time). Once the call
 * has run for the instance's transaction quota (30 s, {@link ServiceNowInstance#setBatchTimeQuota})
 * or serviced its batch limit, the remaining ids come back in {@code unserviced_requests} and must
 * be resent.
 */
public final class BatchApi {
  private final ServiceNowInstance instance;
  private final TableApi tableApi;

  public BatchApi(ServiceNowInstance instance, TableApi tableApi) {
    this.instance = instance;
    this.tableApi = tableApi;
  }

  public SimResponse handle(ApiCall call) throws InterruptedException {
    JsonNode batch;
    try {
      batch = Json.read(call.body());
    } catch (IOException e) {
      return ApiErrors.invalidJson();
    }
    List<Object> serviced = new ArrayList<>();
    List<String> unserviced = new ArrayList<>();
    long started = System.nanoTime();
    long quotaNanos = instance.batchTimeQuota().toNanos();
    for (JsonNode request : batch.path("rest_requests")) {
      String id = request.path("id").asText();
      if (serviced.size() >= instance.batchLimit() || System.nanoTime() - started >= quotaNanos) {
        unserviced.add(id);
      } else {
        serviced.add(run(call, request));
      }
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("batch_request_id", batch.path("batch_request_id").asText(""));
    body.put("serviced_requests", serviced);
    body.put("unserviced_requests", unserviced);
    return Json.response(200, body);
  }

  private Map<String, Object> run(ApiCall outer, JsonNode request) throws InterruptedException {
    long started = System.nanoTime();
    instance.latencyModel().batchSubRequest();
    String method = request.path("method").asText("GET").toUpperCase();
    String url = request.path("url").asText("");
    String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
    String query = url.contains("?") ? url.substring(url.indexOf('?') + 1) : "";
    byte[] body =
        request.hasNonNull("body")
            ? Base64.getDecoder().decode(request.path("body").asText())
            : new byte[0];
    SimResponse response;
    int marker = path.indexOf("/api/now/");
    if (marker < 0) {
      response = ApiErrors.error(400, "Requested URI does not represent any resource", url);
    } else {
      String resource = ApiCall.unversioned(path.substring(marker + "/api/now/".length()));
      ApiCall inner = new ApiCall(method, resource, parseQuery(query), body, outer.identity());
      if (resource.startsWith("table/")) {
        instance.counters().recordSubRequest(method, ApiGateway.counterKey(resource));
        response = runTableRequest(inner);
      } else {
        response = ApiErrors.error(400, "Requested URI does not represent any resource", url);
      }
    }
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("id", request.path("id").asText());
    item.put("status_code", response.status());
    item.put("status_text", statusText(response.status()));
    item.put("body", Base64.getEncoder().encodeToString(response.body()));
    List<Map<String, String>> headers = new ArrayList<>();
    if (!request.path("exclude_response_headers").asBoolean(false)) {
      response.headers().forEach((k, v) -> headers.add(Map.of("name", k, "value", v)));
    }
    item.put("headers", headers);
    item.put("execution_time", (System.nanoTime() - started) / 1_000_000);
    return item;
  }

  /** The Table API's answer, unless an injected sub-request fault replaces it. */
  private SimResponse runTableRequest(ApiCall inner) throws InterruptedException {
    FaultSwitches.SubRequestFault fault = instance.faults().drawSubRequestFault(inner.method());
    if (fault == null) {
      return tableApi.handle(inner);
    }
    if (fault.applied()) {
      tableApi.handle(inner);
    }
    return fault.status() == 429
        ? ApiErrors.rateLimited(100, "Batch API", fault.retryAfterSeconds())
        : ApiErrors.error(
            fault.status(), "Transaction cancelled", "the sub-request failed on the instance");
  }

  private static Map<String, String> parseQuery(String query) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : query.split("&")) {
      if (!pair.isEmpty()) {
        int eq = pair.indexOf('=');
        String k = eq < 0 ? pair : pair.substring(0, eq);
        String v = eq < 0 ? "" : pair.substring(eq + 1);
        out.putIfAbsent(
            URLDecoder.decode(k, StandardCharsets.UTF_8),
            URLDecoder.decode(v, StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  private static String statusText(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 201 -> "Created";
      case 204 -> "No Content";
      case 400 -> "Bad Request";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 429 -> "Too Many Requests";
      case 500 -> "Internal Server Error";
      case 503 -> "Service Unavailable";
      default -> "Status " + status;
    };
  }
}

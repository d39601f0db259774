package io.mlconnector.snclient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.common.http.RetryAfter;
import io.mlconnector.common.retry.CallGuard;
import io.mlconnector.common.retry.ThrottledBeyondCap;
import io.mlconnector.snclient.error.ServiceNowErrors;
import io.mlconnector.snclient.error.ServiceNowException;
import io.mlconnector.snclient.error.ServiceNowUnavailableException;
import io.mlconnector.snclient.http.InstancePaths;
import io.mlconnector.snclient.http.ResponseJson;
import io.mlconnector.snclient.http.ServiceNowTransport;
import io.mlconnector.snclient.http.ServiceNowTransport.Request;
import io.mlconnector.snclient.http.ServiceNowTransport.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code POST /api/now/v1/batch}: sub-requests (base64 bodies) go in as few calls as the time
 * budget allows ({@link BatchSizer}). A sub-request is handled like the same Table API call would
 * be: a 429 inside the batch is sent again after its wait, a 5xx only when the sub-request is
 * idempotent (GET, PATCH; a POST that failed may have created its row, so its caller must look it
 * up rather than resend). Ids ServiceNow lists in {@code unserviced_requests} (transaction quota
 * reached) are sent again, in their order, within the resend budget. The batch call itself is never
 * retried on 5xx (its inserts may have run): its items come back with that error.
 */
final class BatchApi {
  /** One sub-request; {@code url} is relative to the instance, {@code body} JSON or null. */
  record SubRequest(String id, String method, String url, String body, boolean idempotent) {}

  /** ServiceNow's answer to one sub-request ({@code error} null), or why there is none. */
  record Answer(int status, String body, Map<String, String> headers, ServiceNowException error) {
    static Answer failed(ServiceNowException error) {
      return new Answer(0, "", Map.of(), error);
    }
  }

  private final InstancePaths paths;
  private final ServiceNowTransport transport;
  private final BatchSizer sizer;
  private final CallGuard guard;
  private final int maxResends;

  BatchApi(
      InstancePaths paths,
      ServiceNowTransport transport,
      BatchSizer sizer,
      CallGuard guard,
      int maxResends) {
    this.paths = paths;
    this.transport = transport;
    this.sizer = sizer;
    this.guard = guard;
    this.maxResends = maxResends;
  }

  /** Every sub-request's answer, by id. */
  Map<String, Answer> run(List<SubRequest> items) {
    Map<String, SubRequest> pending = new LinkedHashMap<>();
    items.forEach(i -> pending.put(i.id(), i));
    if (pending.size() != items.size()) {
      throw new IllegalArgumentException("batch item ids must be unique");
    }
    Map<String, Answer> done = new HashMap<>();
    Map<String, Integer> tries = new HashMap<>();
    int idleCalls = 0;
    while (!pending.isEmpty()) {
      List<SubRequest> call = pending.values().stream().limit(sizer.itemsPerCall()).toList();
      long started = System.nanoTime();
      JsonNode answer;
      try {
        answer = send(call);
      } catch (ServiceNowException e) {
        pending.keySet().forEach(id -> done.put(id, Answer.failed(e)));
        return done;
      }
      int serviced = 0;
      int throttled = 0;
      int failed = 0;
      Optional<String> retryAfter = Optional.empty();
      for (JsonNode item : answer.path("serviced_requests")) {
        SubRequest sub = pending.get(item.path("id").asText());
        if (sub == null) {
          continue;
        }
        serviced++;
        Answer a = answer(item);
        int n = tries.merge(sub.id(), 1, Integer::sum);
        boolean again =
            a.status() == 429
                ? n <= guard.policy().maxThrottledWaits()
                : a.status() >= 500 && sub.idempotent() && n < guard.policy().maxAttempts();
        if (again && a.status() == 429) {
          throttled = Math.max(throttled, n);
          retryAfter = longer(retryAfter, Optional.ofNullable(a.headers().get("Retry-After")));
        } else if (again) {
          failed = Math.max(failed, n);
        } else {
          pending.remove(sub.id());
          done.put(sub.id(), a);
        }
      }
      sizer.observe(call.size(), serviced, (System.nanoTime() - started) / 1_000_000);
      // Calls in a row that serviced nothing count against the resend budget.
      idleCalls = serviced == 0 ? idleCalls + 1 : 0;
      if (idleCalls > maxResends) {
        ServiceNowUnavailableException e = unserviced(pending.size());
        pending.keySet().forEach(id -> done.put(id, Answer.failed(e)));
        return done;
      }
      if (throttled > 0 || failed > 0) {
        try {
          guard.pauseBeforeResendingParts(
              throttled > 0, retryAfter, throttled > 0 ? throttled : failed);
        } catch (ThrottledBeyondCap e) {
          ServiceNowUnavailableException error = beyondCap(e);
          pending.keySet().forEach(id -> done.put(id, Answer.failed(error)));
          return done;
        }
      }
    }
    return done;
  }

  /** The header asking for the longer pause (an unreadable one counts as none). */
  private static Optional<String> longer(Optional<String> a, Optional<String> b) {
    Duration da = a.flatMap(RetryAfter::parse).orElse(Duration.ZERO);
    Duration db = b.flatMap(RetryAfter::parse).orElse(Duration.ZERO);
    return db.compareTo(da) > 0 || a.isEmpty() ? b : a;
  }

  private static ServiceNowUnavailableException beyondCap(ThrottledBeyondCap e) {
    return new ServiceNowUnavailableException(
        "Batch API sub-requests throttled: Retry-After "
            + e.waitAsked().toSeconds()
            + " s is above the cap (mlc.servicenow.retry.retry-after-cap); calls paused until "
            + e.openUntil(),
        429,
        null);
  }

  private ServiceNowUnavailableException unserviced(int count) {
    return new ServiceNowUnavailableException(
        "Batch API left " + count + " item(s) unserviced after " + maxResends + " resends",
        200,
        null);
  }

  private JsonNode send(List<SubRequest> items) {
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
    Response r = transport.send(Request.of("POST", paths.batch(), body.toString(), "batch"));
    return ResponseJson.read(r.body(), r.status(), "POST batch");
  }

  private static Answer answer(JsonNode item) {
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

  /** The typed error of a sub-request that did not succeed, or null when it did. */
  static ServiceNowException errorOf(Answer a, String what) {
    if (a.error() != null) {
      return a.error();
    }
    return a.status() >= 200 && a.status() < 300
        ? null
        : ServiceNowErrors.of(what, a.status(), a.body());
  }
}

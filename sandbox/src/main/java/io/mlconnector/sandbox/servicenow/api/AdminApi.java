package io.mlconnector.sandbox.servicenow.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.sandbox.http.SimRequest;
import io.mlconnector.sandbox.http.SimResponse;
import io.mlconnector.sandbox.servicenow.ServiceNowInstance;
import io.mlconnector.sandbox.servicenow.fault.FaultSwitches;
import io.mlconnector.sandbox.servicenow.table.AclDenial;
import io.mlconnector.sandbox.servicenow.traffic.LatencyModel;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code /sn-admin/<instance>/...}: what a ServiceNow admin would configure (users, OAuth clients,
 * system properties, ACLs, rate limit rules) plus the simulator's own switches (faults, counters).
 * No authentication: the server is bound to loopback. Data endpoints live in {@link AdminDataApi}.
 */
public final class AdminApi {
  private final ServiceNowInstance instance;
  private final AdminDataApi data;

  public AdminApi(ServiceNowInstance instance) {
    this.instance = instance;
    this.data = new AdminDataApi(instance);
  }

  public SimResponse handle(SimRequest request, String rest) throws Exception {
    String key = request.method() + " " + rest;
    JsonNode body =
        request.body().length == 0 ? Json.MAPPER.createObjectNode() : Json.read(request.body());
    switch (key) {
      case "POST users" ->
          instance.addUser(
              body.path("user_name").asText(),
              body.path("password").asText(),
              strings(body.path("roles")));
      case "POST oauth-clients" ->
          instance.addOAuthClient(
              body.path("client_id").asText(),
              body.path("client_secret").asText(),
              body.path("application_user").asText(null),
              Duration.ofSeconds(body.path("token_lifetime_seconds").asLong(1800)));
      case "PUT properties" ->
          body.fields()
              .forEachRemaining(e -> instance.setProperty(e.getKey(), e.getValue().asText()));
      case "POST hidden-rows" ->
          instance.hideRows(body.path("table").asText(), body.path("query").asText());
      case "PUT rate-limits" -> {
        int perHour = body.path("per_hour").asInt();
        if (body.hasNonNull("user")) {
          instance.rateLimits().limitUser(body.path("user").asText(), perHour);
        } else {
          instance.rateLimits().limitAllUsers(perHour);
        }
      }
      case "PUT batch-limit" ->
          instance.setBatchLimit(body.path("max_serviced").asInt(Integer.MAX_VALUE));
      case "GET faults" -> {
        return Json.response(200, instance.faults().snapshot());
      }
      case "PUT faults" -> applyFaults(body, instance.faults());
      case "DELETE faults" -> instance.faults().clear();
      case "GET faults/ambiguous" -> {
        return Json.response(200, instance.faults().ambiguousWrites().snapshot());
      }
      case "PUT faults/ambiguous" -> {
        String endpoint = body.path("endpoint").asText();
        if (!List.of(FaultSwitches.TABLE_POST, FaultSwitches.TABLE_PATCH, FaultSwitches.BATCH)
            .contains(endpoint)) {
          return ApiErrors.error(400, "unknown write endpoint " + endpoint, null);
        }
        instance
            .faults()
            .ambiguousWrites()
            .apply(
                endpoint,
                body.path("rate").asDouble(),
                body.path("mode").asText(null),
                body.hasNonNull("timeout_ms") ? body.path("timeout_ms").asLong() : null);
        return Json.response(200, instance.faults().ambiguousWrites().snapshot());
      }
      case "POST tokens/revoke" -> {
        int revoked =
            body.hasNonNull("access_token")
                ? (instance.tokens().revoke(body.path("access_token").asText()) ? 1 : 0)
                : instance.tokens().revokeAll();
        return Json.response(200, Map.of("revoked", revoked));
      }
      case "PUT push" -> {
        if (body.path("enabled").asBoolean(true)) {
          instance
              .pushRule()
              .enable(URI.create(body.path("url").asText()), body.path("secret").asText());
        } else {
          instance.pushRule().disable();
        }
        return pushState();
      }
      case "GET push" -> {
        return pushState();
      }
      case "GET latency" -> {
        return Json.response(200, instance.latencyModel().settings().asMap());
      }
      case "PUT latency" -> {
        try {
          instance.latencyModel().set(latency(body, instance.latencyModel().settings()));
        } catch (IllegalArgumentException e) {
          return ApiErrors.error(400, e.getMessage(), null);
        }
        return Json.response(200, instance.latencyModel().settings().asMap());
      }
      case "GET counters" -> {
        return Json.response(200, instance.counters().snapshot());
      }
      case "DELETE counters" -> instance.counters().reset();
      default -> {
        if (rest.startsWith("acl/") && request.method().equals("PUT")) {
          instance.setTableAcl(
              rest.substring(4),
              AclDenial.valueOf(body.path("denied_read").asText("EMPTY")),
              strings(body.path("roles")));
        } else {
          return data.handle(request.method(), rest, body);
        }
      }
    }
    return SimResponse.empty(204);
  }

  private SimResponse pushState() throws Exception {
    var rule = instance.pushRule();
    return Json.response(
        200, Map.of("enabled", rule.enabled(), "sent", rule.sent(), "failed", rule.failed()));
  }

  /** Only the switches present in the body change. */
  static void applyFaults(JsonNode body, FaultSwitches faults) {
    if (body.has("latency_ms")) {
      faults.latency(Duration.ofMillis(body.path("latency_ms").asLong()));
    }
    if (body.has("server_error_rate")) {
      faults.serverErrors(
          body.path("server_error_rate").asDouble(), body.path("server_error_status").asInt(503));
    }
    if (body.has("rate_limit_storm")) {
      faults.rateLimitStorm(
          body.path("rate_limit_storm").asInt(), body.path("retry_after_seconds").asInt(2));
    }
    if (body.has("truncated_bodies")) {
      faults.truncateBodies(body.path("truncated_bodies").asInt());
    }
    if (body.has("html_pages")) {
      faults.htmlPages(body.path("html_pages").asInt());
    }
    if (body.has("touch_after_first_page")) {
      JsonNode t = body.path("touch_after_first_page");
      faults.touchRowsAfterFirstPage(t.path("table").asText(), t.path("rows").asInt());
    }
    if (body.has("pinned_write_time")) {
      String at = body.path("pinned_write_time").asText(null);
      faults.pinWriteTime(at == null || at.isEmpty() ? null : Instant.parse(at));
    }
  }

  /** Only the figures present in the body change. */
  static LatencyModel.Settings latency(JsonNode body, LatencyModel.Settings now) {
    return new LatencyModel.Settings(
        body.path("table_call_ms").asLong(now.tableCallMs()),
        body.path("batch_sub_request_ms").asLong(now.batchSubRequestMs()),
        body.path("token_ms").asLong(now.tokenMs()));
  }

  static String[] strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out.toArray(String[]::new);
  }
}

package io.mlconnector.sandbox.servicenow.api;

import io.mlconnector.sandbox.http.SimRequest;
import io.mlconnector.sandbox.http.SimResponse;
import io.mlconnector.sandbox.servicenow.ServiceNowInstance;
import io.mlconnector.sandbox.servicenow.auth.Identity;
import io.mlconnector.sandbox.servicenow.fault.FaultSwitches;
import io.mlconnector.sandbox.servicenow.traffic.RateLimiter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Front door of {@code /api/now/...} for one instance, in the order a real instance applies things:
 * count the call, the instance's latency model, injected latency, authentication (401), rate limit
 * rules (429, {@code X-RateLimit-*}), injected faults, then the Table or Batch API.
 */
public final class ApiGateway {
  private final ServiceNowInstance instance;
  private final TableApi tableApi;
  private final BatchApi batchApi;

  public ApiGateway(ServiceNowInstance instance) {
    this.instance = instance;
    this.tableApi = new TableApi(instance);
    this.batchApi = new BatchApi(instance, tableApi);
  }

  /** {@code rest} is the path after {@code /api/now/}, still percent-encoded. */
  public SimResponse handle(SimRequest request, String rest) throws InterruptedException {
    String resource = ApiCall.unversioned(rest);
    instance.counters().record(request.method(), counterKey(resource));
    instance.latencyModel().tableCall();
    long latency = instance.faults().latency().toMillis();
    if (latency > 0) {
      Thread.sleep(latency);
    }
    Optional<Identity> identity =
        instance.authenticator().authenticate(request.header("Authorization"));
    if (identity.isEmpty()) {
      return ApiErrors.notAuthenticated();
    }
    String api = resource.startsWith("batch") ? "Batch API" : "Table API";
    RateLimiter.Decision decision = instance.rateLimits().admit(identity.get().userName());
    SimResponse response = guarded(request, resource, identity.get(), decision, api);
    if (decision.ruleMatched()) {
      response =
          response
              .withHeader("X-RateLimit-Limit", String.valueOf(decision.limit()))
              .withHeader("X-RateLimit-Reset", String.valueOf(decision.resetEpochSecond()))
              .withHeader("X-RateLimit-Rule", decision.ruleSysId());
    }
    return response;
  }

  private SimResponse guarded(
      SimRequest request,
      String resource,
      Identity identity,
      RateLimiter.Decision decision,
      String api)
      throws InterruptedException {
    if (!decision.allowed()) {
      return ApiErrors.rateLimited(decision.limit(), api, decision.retryAfterSeconds());
    }
    int stormRetryAfter = instance.faults().drawRateLimitStorm();
    if (stormRetryAfter >= 0) {
      int limit = decision.ruleMatched() ? decision.limit() : 100;
      return ApiErrors.rateLimited(limit, api, stormRetryAfter);
    }
    int serverError = instance.faults().drawServerError();
    if (serverError > 0) {
      return ApiErrors.htmlPage(serverError);
    }
    if (instance.faults().drawHtmlPage()) {
      return ApiErrors.htmlPage(200);
    }
    ApiCall call =
        new ApiCall(
            request.method(),
            decodedPath(resource),
            request.queryParams(),
            request.body(),
            identity);
    SimResponse response =
        resource.equals("batch") && request.method().equals("POST")
            ? batchApi.handle(call)
            : resource.startsWith("table/")
                ? tableApi.handle(call)
                : ApiErrors.error(400, "Requested URI does not represent any resource", null);
    String write = writeEndpoint(request.method(), resource);
    if (write != null) {
      SimResponse answer = instance.faults().ambiguousWrites().answer(write, response);
      if (answer != response) {
        return answer;
      }
    }
    if (response.status() < 300
        && response.body().length > 1
        && instance.faults().drawTruncatedBody()) {
      response =
          new SimResponse(
              response.status(),
              response.headers(),
              Arrays.copyOf(response.body(), response.body().length / 2));
    }
    return response;
  }

  /** The ambiguous-outcome endpoint key of a write call, or null for reads. */
  static String writeEndpoint(String method, String resource) {
    if (resource.equals("batch")) {
      return method.equals("POST") ? FaultSwitches.BATCH : null;
    }
    if (!resource.startsWith("table/")) {
      return null;
    }
    return switch (method) {
      case "POST" -> FaultSwitches.TABLE_POST;
      case "PATCH", "PUT" -> FaultSwitches.TABLE_PATCH;
      default -> null;
    };
  }

  /** Counter key: {@code table/<name>} (sys_id dropped), {@code batch}, or the resource. */
  public static String counterKey(String resource) {
    String[] parts = resource.split("/");
    return parts.length >= 2 && parts[0].equals("table") ? "table/" + parts[1] : resource;
  }

  private static String decodedPath(String resource) {
    return URLDecoder.decode(resource.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}

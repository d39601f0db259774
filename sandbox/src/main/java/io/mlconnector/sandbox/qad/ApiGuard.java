package io.mlconnector.sandbox.qad;

import io.mlconnector.sandbox.http.SimRequest;
import io.mlconnector.sandbox.http.SimResponse;
import java.util.Arrays;
import java.util.function.Function;

/**
 * What every tenant API call passes through, in QAD's order: counting, injected faults, bearer
 * token, workspace header, the handler, then body corruption faults on the way out.
 */
final class ApiGuard {
  static final String WORKSPACE_HEADER = "x-qad-workspace-id";

  /** Handles one call for a resolved tenant. */
  @FunctionalInterface
  interface TenantHandler {
    SimResponse handle(QadTenant tenant, SimRequest request) throws Exception;
  }

  private final Function<String, QadTenant> tenants;

  ApiGuard(Function<String, QadTenant> tenants) {
    this.tenants = tenants;
  }

  /** A handler for an API route: token and workspace required. */
  io.mlconnector.sandbox.http.SimServer.Handler api(String endpoint, TenantHandler handler) {
    return request -> guard(endpoint, request, true, handler);
  }

  /** A handler for the token endpoint: counted and faulted, but no bearer needed. */
  io.mlconnector.sandbox.http.SimServer.Handler open(String endpoint, TenantHandler handler) {
    return request -> guard(endpoint, request, false, handler);
  }

  private SimResponse guard(
      String endpoint, SimRequest request, boolean authenticated, TenantHandler handler)
      throws Exception {
    QadTenant tenant = tenants.apply(request.pathParam("tenant"));
    if (tenant == null) {
      return QadJson.error(
          404, "UNKNOWN_TENANT", "No such tenant", null, request.pathParam("tenant"));
    }
    tenant.counters().increment(endpoint);
    FaultSwitches faults = tenant.faults();
    if (faults.getLatencyMillis() > 0) {
      Thread.sleep(faults.getLatencyMillis());
    }
    if (faults.takeThrottle()) {
      return QadJson.error(429, "TOO_MANY_REQUESTS", "Rate limit exceeded, retry later", null, null)
          .withHeader("Retry-After", String.valueOf(faults.getRetryAfterSeconds()));
    }
    if (FaultSwitches.roll(faults.getServerErrorRate())) {
      return QadJson.error(
          faults.getServerErrorStatus(), "SERVER_ERROR", "Injected server error", null, null);
    }
    if (authenticated) {
      SimResponse refused = authenticate(tenant, request);
      if (refused != null) {
        return refused;
      }
    }
    boolean write = "POST".equals(request.method()) && authenticated;
    if (write && faults.takeRefusedWrite()) {
      return QadJson.error(
          faults.getRefusedWriteStatus(), "TRY_AGAIN", "Injected transient refusal", null, null);
    }
    return corrupt(faults, handler.handle(tenant, request));
  }

  private static SimResponse authenticate(QadTenant tenant, SimRequest request) {
    String authorization = request.header("Authorization");
    String token =
        authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
            ? authorization.substring(7).trim()
            : null;
    TokenStore.Verdict verdict = tenant.tokens().check(token);
    if (verdict != TokenStore.Verdict.VALID) {
      String why =
          token == null
              ? "Bearer token required"
              : verdict == TokenStore.Verdict.EXPIRED ? "Access token expired" : "Invalid token";
      return QadJson.response(
              401, java.util.Map.of("error", "invalid_token", "error_description", why))
          .withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    }
    String workspace = request.header(WORKSPACE_HEADER);
    if (workspace == null || workspace.isBlank()) {
      return QadJson.error(
          400,
          "WORKSPACE_REQUIRED",
          "Header " + WORKSPACE_HEADER + " is required",
          WORKSPACE_HEADER,
          null);
    }
    if (!workspace.equals(tenant.config().workspaceId())) {
      return QadJson.error(
          403,
          "WORKSPACE_NOT_ALLOWED",
          "User has no access to workspace " + workspace,
          WORKSPACE_HEADER,
          workspace);
    }
    return null;
  }

  private static SimResponse corrupt(FaultSwitches faults, SimResponse response) {
    if (response.status() != 200) {
      return response;
    }
    if (FaultSwitches.roll(faults.getHtmlBodyRate())) {
      return SimResponse.text(200, "text/html;charset=UTF-8", MAINTENANCE_PAGE);
    }
    if (FaultSwitches.roll(faults.getTruncatedBodyRate()) && response.body().length > 1) {
      byte[] half = Arrays.copyOf(response.body(), response.body().length / 2);
      return new SimResponse(200, response.headers(), half);
    }
    return response;
  }

  private static final String MAINTENANCE_PAGE =
      "<!DOCTYPE html><html><head><title>Service Temporarily Unavailable</title></head>"
          + "<body><h1>We'll be back soon</h1><p>QAD Cloud ERP is undergoing maintenance.</p>"
          + "</body></html>";
}

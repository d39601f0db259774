package io.mlconnector.sandbox.qad;

import com.fasterxml.jackson.core.JacksonException;
import io.mlconnector.sandbox.http.SimRequest;
import io.mlconnector.sandbox.http.SimResponse;
import io.mlconnector.sandbox.http.SimServer;
import java.util.function.Function;

/**
 * Routes of the admin surface {@code {baseUri}/qad-admin/...}, used by the demo and by tests in
 * other JVMs. No auth, no faults, not counted: it stands for people working inside QAD.
 */
final class AdminEndpoints {
  static final String PREFIX = "/qad-admin";

  private final Function<String, QadTenant> tenants;

  AdminEndpoints(Function<String, QadTenant> tenants) {
    this.tenants = tenants;
  }

  void register(SimServer server, QadSimulator simulator) {
    AdminControl control = new AdminControl();
    AdminData data = new AdminData();
    server.route("POST", PREFIX + "/tenants", plain(r -> control.addTenant(simulator, r)));
    String t = PREFIX + "/{tenant}";
    server.route("GET", t + "/counters", tenant(control::counters));
    server.route("DELETE", t + "/counters", tenant(control::resetCounters));
    server.route("GET", t + "/faults", tenant(control::faults));
    server.route("PUT", t + "/faults", tenant(control::updateFaults));
    server.route("POST", t + "/faults", tenant(control::updateFaults));
    server.route("DELETE", t + "/faults", tenant(control::clearFaults));
    server.route("GET", t + "/faults/ambiguous", tenant(control::ambiguousWrites));
    server.route("PUT", t + "/faults/ambiguous", tenant(control::updateAmbiguousWrites));
    server.route("POST", t + "/faults/share-modified-time", tenant(control::shareModifiedTime));
    server.route("POST", t + "/tokens/revoke", tenant(control::revokeTokens));
    server.route("PUT", t + "/tolerance", tenant(control::tolerance));
    server.route("POST", t + "/seed", tenant(data::seed));
    server.route("POST", t + "/purchaseOrders", tenant(data::createPurchaseOrder));
    server.route("POST", t + "/receipts", tenant(data::postReceipt));
    server.route("GET", t + "/records/{table}", tenant(data::readRecord));
    server.route("POST", t + "/records/{table}/change", tenant(data::changeRecord));
    server.route("GET", t + "/invoices", tenant(data::invoices));
  }

  private SimServer.Handler tenant(ApiGuard.TenantHandler handler) {
    return plain(
        request -> {
          QadTenant tenant = tenants.apply(request.pathParam("tenant"));
          if (tenant == null) {
            return QadJson.error(
                404, "UNKNOWN_TENANT", "No such tenant", null, request.pathParam("tenant"));
          }
          return handler.handle(tenant, request);
        });
  }

  /** Bad input from the caller is a 400 with the reason, never a 500. */
  private static SimServer.Handler plain(SimServer.Handler handler) {
    return request -> {
      try {
        return handler.handle(request);
      } catch (IllegalArgumentException | JacksonException | java.util.NoSuchElementException e) {
        return QadJson.error(400, "INVALID_REQUEST", String.valueOf(e.getMessage()), null, null);
      }
    };
  }

  static <T> T read(SimRequest request, Class<T> type) throws java.io.IOException {
    return QadJson.MAPPER.readValue(request.body(), type);
  }

  static SimResponse noContent() {
    return SimResponse.empty(204);
  }
}

package io.mlconnector.sandbox.qad;

import io.mlconnector.sandbox.http.SimRequest;
import io.mlconnector.sandbox.http.SimResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Admin actions on a tenant's behaviour: tenants, faults, tokens, tolerances, counters. */
final class AdminControl {

  /** Body of {@code POST /qad-admin/tenants}; omitted fields take the sandbox defaults. */
  record NewTenant(
      String tenant,
      String clientId,
      String username,
      String password,
      String workspaceId,
      Long tokenLifetimeSeconds) {}

  /** Body of {@code PUT .../faults/ambiguous}; mode RESET, TIMEOUT, BAD_GATEWAY or TRUNCATED. */
  record AmbiguousSwitch(String endpoint, double rate, String mode, Long timeoutMs) {}

  /** Body of {@code POST .../faults/share-modified-time}. */
  record ShareModifiedTime(String table, int count, Instant at) {}

  SimResponse addTenant(QadSimulator simulator, SimRequest request) throws Exception {
    NewTenant body = AdminEndpoints.read(request, NewTenant.class);
    QadTenantConfig config = QadTenantConfig.defaults(body.tenant());
    config =
        config.withCredentials(
            body.clientId() != null ? body.clientId() : config.clientId(),
            body.username() != null ? body.username() : config.username(),
            body.password() != null ? body.password() : config.password());
    if (body.workspaceId() != null) {
      config = config.withWorkspaceId(body.workspaceId());
    }
    if (body.tokenLifetimeSeconds() != null) {
      config = config.withTokenLifetime(Duration.ofSeconds(body.tokenLifetimeSeconds()));
    }
    simulator.addTenant(config);
    return QadJson.response(
        201,
        Map.of(
            "tenant",
            config.tenant(),
            "tenantUrl",
            simulator.tenantUrl(config.tenant()).toString()));
  }

  SimResponse counters(QadTenant tenant, SimRequest request) {
    return QadJson.ok(Map.of("tenant", tenant.name(), "counters", tenant.counters().snapshot()));
  }

  SimResponse resetCounters(QadTenant tenant, SimRequest request) {
    tenant.counters().reset();
    return AdminEndpoints.noContent();
  }

  SimResponse faults(QadTenant tenant, SimRequest request) {
    return QadJson.ok(tenant.faults());
  }

  /** Merges the given switches into the current ones; unspecified switches keep their value. */
  SimResponse updateFaults(QadTenant tenant, SimRequest request) throws Exception {
    QadJson.MAPPER.readerForUpdating(tenant.faults()).readValue(request.body());
    return QadJson.ok(tenant.faults());
  }

  SimResponse clearFaults(QadTenant tenant, SimRequest request) {
    tenant.faults().clear();
    return QadJson.ok(tenant.faults());
  }

  SimResponse ambiguousWrites(QadTenant tenant, SimRequest request) {
    return QadJson.ok(tenant.faults().ambiguousWrites().snapshot());
  }

  SimResponse updateAmbiguousWrites(QadTenant tenant, SimRequest request) throws Exception {
    AmbiguousSwitch body = AdminEndpoints.read(request, AmbiguousSwitch.class);
    String endpoint =
        body.endpoint() != null ? body.endpoint() : FaultSwitches.SUPPLIER_INVOICE_POST;
    if (!endpoint.equals(FaultSwitches.SUPPLIER_INVOICE_POST)) {
      throw new IllegalArgumentException("unknown write endpoint " + endpoint);
    }
    tenant.faults().ambiguousWrites().apply(endpoint, body.rate(), body.mode(), body.timeoutMs());
    return QadJson.ok(tenant.faults().ambiguousWrites().snapshot());
  }

  SimResponse shareModifiedTime(QadTenant tenant, SimRequest request) throws Exception {
    ShareModifiedTime body = AdminEndpoints.read(request, ShareModifiedTime.class);
    Instant at = body.at() != null ? body.at() : tenant.database().now();
    int changed = tenant.shareModifiedTime(QadEntity.of(body.table()), body.count(), at).size();
    return QadJson.ok(Map.of("changed", changed, "mod_date", at.toString()));
  }

  SimResponse revokeTokens(QadTenant tenant, SimRequest request) {
    tenant.revokeTokens();
    return AdminEndpoints.noContent();
  }

  SimResponse tolerance(QadTenant tenant, SimRequest request) throws Exception {
    tenant.tolerance(AdminEndpoints.read(request, MatchTolerance.class));
    return QadJson.ok(tenant.config().tolerance());
  }
}

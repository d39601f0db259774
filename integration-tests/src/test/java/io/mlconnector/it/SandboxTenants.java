package io.mlconnector.it;

import io.mlconnector.common.tenant.Secret;
import io.mlconnector.common.tenant.Tenant;
import io.mlconnector.sandbox.SandboxTenant;
import java.net.URI;
import java.util.Map;

/** A sandbox tenant as the registry holds it. */
final class SandboxTenants {
  private SandboxTenants() {}

  static Tenant registryEntry(SandboxTenant t, boolean batchApi) {
    return new Tenant(
        t.id(),
        "Sandbox " + t.id(),
        true,
        new Tenant.Qad(
            URI.create(t.qad().tenantUrl()),
            t.qad().workspace(),
            t.qad().clientId(),
            t.qad().username(),
            new Secret(t.qad().password())),
        new Tenant.ServiceNow(
            URI.create(t.servicenow().instanceUrl()),
            t.servicenow().clientId(),
            new Secret(t.servicenow().clientSecret()),
            batchApi),
        Map.of(),
        Map.of(),
        true,
        false);
  }
}

package io.mlconnector.snclient;

import io.mlconnector.common.tenant.Secret;
import io.mlconnector.common.tenant.Tenant;
import io.mlconnector.sandbox.servicenow.ServiceNowInstance;
import io.mlconnector.sandbox.servicenow.ServiceNowSimulator;
import java.net.URI;
import java.util.Map;
import java.util.UUID;

/** Simulated ServiceNow instances with an integration user, and the tenants pointing at them. */
final class SimulatedTenants {
  static final String SUPPLIERS = "sn_fcms_intg_imp_supplier";

  private SimulatedTenants() {}

  static String uniqueId() {
    return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  /** An instance where client credentials work, as the integration user. */
  static ServiceNowInstance ready(ServiceNowSimulator sim, String name) {
    return sim.addInstance(name)
        .addUser("svc.integration", "pw", "sn_fcms_intg.integration_user")
        .addOAuthClient("mlc", "secret", "svc.integration")
        .enableClientCredentialsGrant();
  }

  static Tenant tenant(ServiceNowSimulator sim, String name, boolean batchApi) {
    return new Tenant(
        name,
        name,
        true,
        new Tenant.Qad(URI.create("http://127.0.0.1:1/qad"), "ws", "qad", "u", new Secret("p")),
        new Tenant.ServiceNow(
            URI.create(sim.instanceUrl(name)), "mlc", new Secret("secret"), batchApi),
        Map.of(),
        Map.of(),
        true,
        false);
  }
}

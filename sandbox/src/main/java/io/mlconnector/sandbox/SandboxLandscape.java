package io.mlconnector.sandbox;

import io.mlconnector.sandbox.qad.QadSimulator;
import io.mlconnector.sandbox.qad.QadTenantConfig;
import io.mlconnector.sandbox.seed.CostCenter;
import io.mlconnector.sandbox.seed.GlAccount;
import io.mlconnector.sandbox.seed.SeedData;
import io.mlconnector.sandbox.servicenow.ServiceNowInstance;
import io.mlconnector.sandbox.servicenow.ServiceNowSimulator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Both simulators with seeded tenants, set up the way an evaluating team would find their own
 * systems: a QAD tenant with a mid-sized manufacturer's data and a ServiceNow instance whose
 * integration account has the Source-to-Pay roles and a client-credentials OAuth client. The
 * ServiceNow side knows most QAD cost centers and GL accounts, plus one of its own, so the
 * alignment report has something to say.
 */
public final class SandboxLandscape implements AutoCloseable {
  /** Roles the connector's ServiceNow account needs for all flows. */
  public static final String[] INTEGRATION_ROLES = {
    "sn_fcms_intg.integration_user",
    "sn_spend_intg_procurement_integrator",
    "sn_ap_apm.accounts_payable_specialist"
  };

  public static final String SN_USER = "svc.mlconnector";
  public static final String SN_CLIENT_ID = "mlc-connector";

  /** A cost center that exists only in ServiceNow (not in QAD). */
  public static final String SERVICENOW_ONLY_COST_CENTER = "CC-SN-ONLY";

  private final QadSimulator qad;
  private final ServiceNowSimulator servicenow;
  private final List<SandboxTenant> tenants = new ArrayList<>();

  private SandboxLandscape(QadSimulator qad, ServiceNowSimulator servicenow) {
    this.qad = qad;
    this.servicenow = servicenow;
  }

  /** Starts both simulators on free loopback ports with the given tenants, each seeded. */
  public static SandboxLandscape start(List<String> tenantIds, int scalePercent) {
    SandboxLandscape landscape =
        new SandboxLandscape(
            QadSimulator.start(0, Clock.systemUTC()),
            ServiceNowSimulator.start(0, Clock.systemUTC()));
    for (int i = 0; i < tenantIds.size(); i++) {
      landscape.addTenant(tenantIds.get(i), SeedData.DEFAULT_SEED + i, scalePercent);
    }
    return landscape;
  }

  /** Both simulators with one tenant per id, each loaded with the same given seed data. */
  public static SandboxLandscape start(List<String> tenantIds, SeedData data) {
    SandboxLandscape landscape =
        new SandboxLandscape(
            QadSimulator.start(0, Clock.systemUTC()),
            ServiceNowSimulator.start(0, Clock.systemUTC()));
    tenantIds.forEach(id -> landscape.addTenant(id, data));
    return landscape;
  }

  private void addTenant(String id, long seed, int scalePercent) {
    addTenant(id, SeedData.generate(seed, scalePercent));
  }

  /** Adds one more seeded tenant to both running simulators. */
  public void addTenant(String id, SeedData data) {
    QadTenantConfig qadConfig = QadTenantConfig.defaults(id);
    qad.addTenant(qadConfig);
    qad.loadSeed(id, data);

    String snSecret = "sandbox-secret-" + id;
    String snPassword = "sandbox-password-" + id;
    ServiceNowInstance sn =
        servicenow
            .addInstance(id)
            .addUser(SN_USER, snPassword, INTEGRATION_ROLES)
            .addOAuthClient(SN_CLIENT_ID, snSecret, SN_USER)
            .enableClientCredentialsGrant();
    List<String> costCenters =
        new ArrayList<>(data.costCenters().stream().map(CostCenter::code).toList());
    costCenters.add(SERVICENOW_ONLY_COST_CENTER);
    sn.apClerk().seedCostCenters(costCenters);
    sn.apClerk().seedGlAccounts(data.glAccounts().stream().map(GlAccount::code).toList());

    tenants.add(
        new SandboxTenant(
            id,
            new SandboxTenant.Qad(
                qad.tenantUrl(id).toString(),
                qadConfig.workspaceId(),
                qadConfig.clientId(),
                qadConfig.username(),
                qadConfig.password()),
            new SandboxTenant.ServiceNow(
                servicenow.instanceUrl(id).toString(),
                SN_CLIENT_ID,
                snSecret,
                SN_USER,
                snPassword)));
  }

  public QadSimulator qad() {
    return qad;
  }

  public ServiceNowSimulator servicenow() {
    return servicenow;
  }

  public List<SandboxTenant> tenants() {
    return List.copyOf(tenants);
  }

  @Override
  public void close() {
    servicenow.close();
    qad.close();
  }
}

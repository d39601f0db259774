package io.mlconnector.console.ping;

import static io.mlconnector.console.ConsoleApi.authorized;

import io.mlconnector.sandbox.SandboxLandscape;
import io.mlconnector.sandbox.qad.QadSimulator;
import io.mlconnector.sandbox.qad.QadTenant;
import io.mlconnector.sandbox.qad.QadTenantConfig;
import io.mlconnector.sandbox.seed.CostCenter;
import io.mlconnector.sandbox.seed.GlAccount;
import io.mlconnector.sandbox.seed.SeedData;
import io.mlconnector.sandbox.servicenow.ServiceNowInstance;
import io.mlconnector.sandbox.servicenow.ServiceNowSimulator;
import io.restassured.path.json.JsonPath;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Both simulators, started once per test JVM, and well-set-up sandbox tenants in them: QAD with
 * seed data, ServiceNow with the integration roles SandboxLandscape grants, a client-credentials
 * client, master data and one approved outbound invoice. Each tenant has its own client id, user
 * and secrets, so a credential used on the wrong side would be refused.
 */
public final class PingSandbox {
  static final QadSimulator QAD = QadSimulator.start(0, Clock.systemUTC());
  static final ServiceNowSimulator SN = ServiceNowSimulator.start(0, Clock.systemUTC());

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  SN.close();
                  QAD.close();
                }));
  }

  /** One tenant's sandbox credentials, as the console is given them. */
  public record Credentials(
      String id,
      QadTenantConfig qad,
      String snClientId,
      String snSecret,
      String snUser,
      String snPassword) {}

  private PingSandbox() {}

  public static Credentials provision(String id) {
    QadTenantConfig qadConfig = QadTenantConfig.defaults(id);
    QAD.addTenant(qadConfig);
    SeedData data = SeedData.generate(SeedData.DEFAULT_SEED, 1);
    QAD.loadSeed(id, data);
    Credentials c =
        new Credentials(id, qadConfig, "mlc-" + id, "secret-" + id, "svc." + id, "pw-" + id);
    ServiceNowInstance sn =
        SN.addInstance(id)
            .addUser(c.snUser(), c.snPassword(), SandboxLandscape.INTEGRATION_ROLES)
            .addOAuthClient(c.snClientId(), c.snSecret(), c.snUser())
            .enableClientCredentialsGrant();
    sn.apClerk().seedCostCenters(data.costCenters().stream().map(CostCenter::code).toList());
    sn.apClerk().seedGlAccounts(data.glAccounts().stream().map(GlAccount::code).toList());
    sn.insert(
        "sn_spend_intg_outbound_invoice",
        Map.of("integration_status", "New", "invoice_number", "INV-" + id));
    return c;
  }

  public static QadTenant qad(String id) {
    return QAD.tenant(id);
  }

  static ServiceNowInstance sn(String id) {
    return SN.instance(id);
  }

  /** Registers the tenant through the console API. */
  public static void register(Credentials c) {
    authorized().body(body(c)).post("/tenants").then().statusCode(201);
  }

  static Map<String, Object> body(Credentials c) {
    Map<String, Object> qad = new LinkedHashMap<>();
    qad.put("baseUrl", QAD.tenantUrl(c.id()).toString());
    qad.put("workspace", c.qad().workspaceId());
    qad.put("clientId", c.qad().clientId());
    qad.put("username", c.qad().username());
    qad.put("password", c.qad().password());
    Map<String, Object> sn = new LinkedHashMap<>();
    sn.put("instanceUrl", SN.instanceUrl(c.id()));
    sn.put("clientId", c.snClientId());
    sn.put("clientSecret", c.snSecret());
    sn.put("batchApi", false);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", c.id());
    body.put("displayName", "Sandbox " + c.id());
    body.put("qad", qad);
    body.put("servicenow", sn);
    body.put("sandbox", true);
    return body;
  }

  static JsonPath ping(String id) {
    return ping(id, false);
  }

  /** The ping; {@code writeProbe} asks for the insert-and-delete probe of empty staging tables. */
  static JsonPath ping(String id, boolean writeProbe) {
    return authorized()
        .post("/tenants/" + id + "/ping" + (writeProbe ? "?writeProbe=true" : ""))
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /** The check with this name from a report. */
  static Map<String, Object> check(JsonPath report, String name) {
    Map<String, Object> check = report.getMap("checks.find { it.name == '" + name + "' }");
    if (check == null) {
      throw new AssertionError("no check " + name + " in " + report.prettify());
    }
    return check;
  }
}

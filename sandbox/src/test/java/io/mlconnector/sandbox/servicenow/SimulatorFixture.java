package io.mlconnector.sandbox.servicenow;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** One simulator per test with instance {@code acme}, a frozen clock and three users. */
abstract class SimulatorFixture {
  static final String SUPPLIERS = "sn_fcms_intg_imp_supplier";
  static final String INTEGRATION_USER = "svc.integration";
  static final String PASSWORD = "s3cret";

  SettableClock clock;
  ServiceNowSimulator simulator;
  ServiceNowInstance acme;
  SnHttp integration;

  @BeforeEach
  void startSimulator() {
    clock = new SettableClock(Instant.parse("2024-05-01T10:00:00Z"));
    simulator = ServiceNowSimulator.start(0, clock);
    acme =
        simulator
            .addInstance("acme")
            .addUser(
                INTEGRATION_USER,
                PASSWORD,
                "sn_fcms_intg.integration_user",
                "sn_spend_intg_procurement_integrator")
            .addUser("nobody", PASSWORD)
            .addUser("admin", PASSWORD, "admin");
    integration = SnHttp.basic(simulator.instanceUrl("acme"), INTEGRATION_USER, PASSWORD);
  }

  @AfterEach
  void stopSimulator() {
    simulator.close();
  }

  /** Inserts {@code count} suppliers SUP-000.. with the current clock. */
  void insertSuppliers(int count) {
    for (int i = 0; i < count; i++) {
      Map<String, String> row = new LinkedHashMap<>();
      row.put("u_external_id", String.format("SUP-%03d", i));
      row.put("u_erp_source", "QAD");
      row.put("u_name", "Supplier " + i);
      acme.insert(SUPPLIERS, row);
    }
  }
}

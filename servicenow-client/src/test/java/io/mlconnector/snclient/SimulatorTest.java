package io.mlconnector.snclient;

import io.mlconnector.sandbox.servicenow.ServiceNowSimulator;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The set-up the client's Quarkus tests share: one ServiceNow simulator per test class and the
 * client factory under test; each test adds its own instance ({@link SimulatedTenants#ready}).
 */
abstract class SimulatorTest {
  static ServiceNowSimulator sim;

  @Inject ServiceNowClients clients;

  @BeforeAll
  static void startSimulator() {
    sim = ServiceNowSimulator.start(0);
  }

  @AfterAll
  static void stopSimulator() {
    sim.close();
  }

  /** A client for the simulated instance {@code name}, with the Batch API on or off. */
  ServiceNowClient client(String name, boolean batchApi) {
    return clients.forTenant(SimulatedTenants.tenant(sim, name, batchApi));
  }
}

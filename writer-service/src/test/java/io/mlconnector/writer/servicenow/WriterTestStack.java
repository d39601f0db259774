package io.mlconnector.writer.servicenow;

import io.mlconnector.sandbox.servicenow.ServiceNowSimulator;
import io.mlconnector.stack.SharedStack;
import io.mlconnector.stack.StackEndpoints;
import io.mlconnector.stack.TenantFixtures;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The shared Kafka + PostgreSQL, a tenant registry of the writer tests' own (emptied per run, so
 * commands of earlier runs meet no tenant and are parked instead of retried against dead
 * simulators), a consumer group per run, and one embedded ServiceNow simulator for the JVM.
 */
public class WriterTestStack implements QuarkusTestResourceLifecycleManager {
  static final String REGISTRY_SCHEMA = "registry_writer";
  private static ServiceNowSimulator simulator;
  private static TenantFixtures fixtures;

  static synchronized ServiceNowSimulator simulator() {
    if (simulator == null) {
      simulator = ServiceNowSimulator.start(0);
    }
    return simulator;
  }

  static synchronized TenantFixtures fixtures() {
    return fixtures;
  }

  @Override
  public Map<String, String> start() {
    StackEndpoints stack = SharedStack.endpoints();
    try (Connection c =
            DriverManager.getConnection(stack.jdbcUrl(), stack.jdbcUser(), stack.jdbcPassword());
        Statement s = c.createStatement()) {
      s.execute("drop schema if exists " + REGISTRY_SCHEMA + " cascade");
      synchronized (WriterTestStack.class) {
        fixtures = new TenantFixtures(stack, REGISTRY_SCHEMA).install();
      }
    } catch (Exception e) {
      throw new IllegalStateException("cannot prepare the writer's tenant registry", e);
    }
    Map<String, String> config = new HashMap<>(stack.quarkusConfig());
    config.putAll(fixtures.quarkusConfig());
    config.put("mlc.writer.consumer-groups.servicenow", "writer-test-" + UUID.randomUUID());
    // Quick retries and a short breaker so fault scenarios finish fast.
    config.put("mlc.servicenow.retry.initial-backoff", "10ms");
    config.put("mlc.servicenow.retry.max-backoff", "50ms");
    config.put("mlc.servicenow.breaker.open-for", "1s");
    config.put("mlc.writer.servicenow-batch-size", "10");
    config.put("mlc.writer.servicenow.retry-backoff", "100ms");
    config.put("mlc.writer.servicenow.max-retry-backoff", "1s");
    config.put("mlc.writer.deferral.retry-backoff", "100ms");
    config.put("mlc.writer.deferral.max-retry-backoff", "1s");
    return config;
  }

  @Override
  public void stop() {
    synchronized (WriterTestStack.class) {
      if (simulator != null) {
        simulator.close();
        simulator = null;
      }
    }
  }
}

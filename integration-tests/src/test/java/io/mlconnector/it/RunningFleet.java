package io.mlconnector.it;

import io.mlconnector.stack.ApiTokenFixtures;
import io.mlconnector.stack.SharedStack;
import io.mlconnector.stack.StackEndpoints;
import io.mlconnector.stack.TenantFixtures;
import io.mlconnector.stack.fleet.ServiceProcess;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Packaged services running as separate JVMs against the shared stack, reading tenants from a
 * registry schema of the integration tests' own. Lifecycle: {@link #start} → use → {@link #close}.
 */
final class RunningFleet implements AutoCloseable {
  static final String REGISTRY_SCHEMA = "registry_it";
  private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
  private static final int RESTARTS_WHILE_STARTING = 2;

  private final StackEndpoints stack = SharedStack.endpoints();
  private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
  private final Map<String, String> env = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> startedWith = new LinkedHashMap<>();

  RunningFleet(Map<String, String> extraEnv) {
    env.put("MLC_TENANT_REGISTRY_SCHEMA", REGISTRY_SCHEMA);
    env.put("MLC_CRYPTO_KEYS", TenantFixtures.CRYPTO_KEYS);
    env.put("MLC_CRYPTO_ACTIVE_KEY_ID", TenantFixtures.CRYPTO_KEY_ID);
    env.putAll(ApiTokenFixtures.env());
    // Several services start at once beside the stack and the tests' JVM on 2 shared cores:
    // Flyway's first connection can take longer than the pool's default 5 s acquisition timeout.
    env.put("QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT", "30S");
    env.putAll(extraEnv);
  }

  static TenantFixtures registry() throws Exception {
    return new TenantFixtures(SharedStack.endpoints(), REGISTRY_SCHEMA).install();
  }

  /** Starts the named services and waits until each reports ready. */
  RunningFleet start(List<String> names) throws Exception {
    for (String name : names) {
      startService(name);
    }
    for (String name : names) {
      awaitReady(services.get(name));
    }
    return this;
  }

  /** (Re)starts one service on a port it chooses. */
  ServiceProcess startService(String name) throws Exception {
    return startService(name, Map.of());
  }

  /** (Re)starts one service on a port it chooses, with extra settings for this start only. */
  ServiceProcess startService(String name, Map<String, String> extra) throws Exception {
    ServiceProcess service =
        new ServiceProcess(
            name, ServiceProcess.ANY_PORT, Path.of("target", "it-logs", name + ".log"));
    // Each service logs in to Kafka as its own principal, so the fleet runs under the ACLs.
    Map<String, String> all = new LinkedHashMap<>(stack.serviceEnv(name));
    all.putAll(env);
    all.putAll(extra);
    service.start(SharedStack.projectRoot(), all);
    services.put(name, service);
    startedWith.put(name, all);
    return service;
  }

  /**
   * Waits until the service is ready. Like a pod's restart policy, a service that exits while
   * starting (on a loaded machine, e.g. no database connection within the pool's acquisition
   * timeout) is started again, up to twice; what its log said goes to the test's output.
   */
  void awaitReady(ServiceProcess service) throws Exception {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    int restarts = 0;
    String state = service.readiness();
    while (!state.equals("UP")) {
      if (state.equals("EXITED") && restarts < RESTARTS_WHILE_STARTING) {
        restarts++;
        System.out.printf(
            "%s exited while starting; starting it again. Its log ended:%n%s%n",
            service.name(), service.logTail());
        service.start(SharedStack.projectRoot(), startedWith.get(service.name()));
      } else if (state.equals("EXITED") || System.nanoTime() > deadline) {
        throw new IllegalStateException(
            service.name()
                + " not ready ("
                + state
                + "); see "
                + service.log().toAbsolutePath()
                + ", which ends:\n"
                + service.logTail());
      }
      Thread.sleep(300);
      state = service.readiness();
    }
  }

  private final List<String> registered = new java.util.ArrayList<>();

  /**
   * Registers a tenant until {@link #close}. Removing it afterwards matters: commands this test
   * leaves behind for its (then closed) sandbox would otherwise keep the next test's writer
   * retrying them; for an unregistered tenant the writer parks them and moves on.
   */
  void registerForThisTest(io.mlconnector.common.tenant.Tenant tenant) throws Exception {
    registry().put(tenant);
    registered.add(tenant.id());
  }

  ServiceProcess service(String name) {
    return services.get(name);
  }

  /** Counts rows of a service's schema with a WHERE clause over bound parameters. */
  long count(String schema, String table, String where, Object... params) throws SQLException {
    String sql = "select count(*) from " + schema + "." + table + " where " + where;
    try (Connection c =
            DriverManager.getConnection(stack.jdbcUrl(), stack.jdbcUser(), stack.jdbcPassword());
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      if ("42P01".equals(e.getSQLState())) {
        return 0; // the service has not migrated its schema yet
      }
      throw e;
    }
  }

  /**
   * Waits until the mapper has seen every QAD cost center of the tenant: it checks invoice lines
   * against them, so an invoice flow test starts only after a QAD poll has been mapped.
   */
  void awaitCostCentersMapped(String tenant, int costCenters, Duration timeout) {
    org.awaitility.Awaitility.await()
        .atMost(timeout)
        .until(
            () ->
                count("mapper", "qad_dimension", "tenant = ? and dimension = 'cost-center'", tenant)
                    == costCenters);
  }

  @Override
  public void close() {
    services.values().forEach(ServiceProcess::close);
    for (String tenant : registered) {
      try {
        registry().remove(tenant);
      } catch (Exception e) {
        // The stack is going away anyway.
      }
    }
  }
}

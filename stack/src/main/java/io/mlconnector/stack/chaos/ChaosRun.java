package io.mlconnector.stack.chaos;

import io.mlconnector.sandbox.SandboxLandscape;
import io.mlconnector.sandbox.SandboxTenant;
import io.mlconnector.sandbox.seed.SeedData;
import io.mlconnector.stack.LocalStack;
import io.mlconnector.stack.Ports;
import io.mlconnector.stack.SharedStack;
import io.mlconnector.stack.StackEndpoints;
import io.mlconnector.stack.fleet.DemoScenario.TenantBody;
import io.mlconnector.stack.fleet.DemoSettings;
import io.mlconnector.stack.fleet.Fleet;
import io.mlconnector.stack.fleet.OperatorApi;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One chaos run: the real stack, both simulators and every service as its own process, two tenants
 * onboarded through the console, the workload and the seeded fault schedule; then a quiet phase,
 * and the verdict from the simulators' tables.
 */
final class ChaosRun {
  static final List<String> TENANTS = List.of("acme", "globex");

  private final ChaosOptions options;
  private final PrintStream out;

  ChaosRun(ChaosOptions options, PrintStream out) {
    this.options = options;
    this.out = out;
  }

  /** Runs everything; returns the report (already printed and written). */
  ChaosReport run() throws Exception {
    long started = System.nanoTime();
    Path root = SharedStack.projectRoot();
    Path state = root.resolve(".mlc");
    int window = (int) options.faultWindow().toSeconds();
    ChaosSchedule schedule =
        options.selfTest()
            ? ChaosSchedule.selfTest(options.seed(), window, TENANTS, options.ambiguousRate())
            : ChaosSchedule.generate(
                options.seed(), window, TENANTS, Fleet.SERVICES, options.ambiguousRate());
    if (options.selfTest()) {
      out.println(
          "SELF-TEST: the writer runs with mlc.writer.qad.fault.blind-resend=true (re-sends QAD"
              + " POSTs blindly); the harness must report duplicated QAD invoices");
    }
    schedule.print(options.seed(), out);
    Map<String, Integer> ports = new LinkedHashMap<>();
    Fleet.SERVICES.forEach(s -> ports.put(s, Ports.free()));
    Path logs = state.resolve("logs").resolve("chaos");
    try (LocalStack stack = new LocalStack(state.resolve("chaos-stack"), (StackEndpoints) null);
        Fleet fleet = new Fleet(root, logs, ports);
        SandboxLandscape sandbox =
            SandboxLandscape.start(
                TENANTS,
                SeedData.withRecordCount(
                    SeedData.DEFAULT_SEED, options.records() / TENANTS.size()))) {
      // Ctrl-C: stop what was started (closing twice is harmless on a normal exit).
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    fleet.close();
                    sandbox.close();
                    stack.close();
                  },
                  "chaos-shutdown"));
      StackEndpoints endpoints = stack.start();
      out.printf(
          "stack    kafka %s  postgres %s%n", endpoints.kafkaBootstrap(), endpoints.jdbcUrl());
      DemoSettings settings = new DemoSettings();
      fleet.start(endpoints, fleetEnv(settings, fleet, options.selfTest()));
      Map<String, String> ready = awaitFleet(fleet);
      out.println("fleet    " + ready);
      if (!ready.values().stream().allMatch("UP"::equals)) {
        throw new IllegalStateException("fleet not ready: " + ready + " (logs in " + logs + ")");
      }
      OperatorApi api = new OperatorApi(settings.apiToken);
      onboard(sandbox, fleet, api);
      Random random = new Random(options.seed());
      ChaosInvoices invoices = new ChaosInvoices(sandbox);
      invoices.plan(TENANTS, options.invoices(), random);
      out.printf(
          "workload %d QAD records, %d invoices planned%n",
          sandbox.tenants().stream()
              .mapToInt(
                  t ->
                      io.mlconnector.stack.fleet.DemoScenario.STAGING.keySet().stream()
                          .mapToInt(e -> sandbox.qad().tenant(t.id()).table(e).size())
                          .sum())
              .sum(),
          invoices.plannedCount());
      SandboxFaults sandboxFaults = new SandboxFaults(sandbox, random);
      FleetFaults fleetFaults =
          new FleetFaults(fleet, stack, endpoints.kafkaAdminSettings(), logs, out);
      PoisonedRecords poisoned = new PoisonedRecords(endpoints.kafkaAdminSettings(), sandbox);
      ChaosDriver driver =
          new ChaosDriver(sandboxFaults, fleetFaults, invoices, poisoned, random, out);
      out.println("fault schedule running…");
      driver.run(schedule);
      out.println(
          "schedule done: faults off, everything restarted, waiting for the fleet to settle");
      sandboxFaults.clearAll();
      stack.startKafka();
      stack.startPostgres();
      fleetFaults.healAll();
      fleet.awaitReady(Duration.ofMinutes(3));
      GroundTruthReader reader = new GroundTruthReader(root, sandbox, invoices, poisoned);
      AmbiguousSwitches ambiguous = new AmbiguousSwitches(sandbox);
      QuietPhase quiet = new QuietPhase(ambiguous, fleet, api, reader, TENANTS, out);
      ChaosVerdict verdict = quiet.settle(quietTimeout(), options.quick() ? 2 : 3);
      ChaosReport report =
          new ChaosReport(
              verdict,
              ChaosReport.faultsInjected(driver.injected(), ambiguous),
              fleetFaults.restarts(),
              (System.nanoTime() - started) / 1_000_000_000,
              options.seed(),
              options.selfTest());
      report.withTriage(quiet.connectorView());
      if (!verdict.passed()) {
        report.withDiagnostics(FailureTriage.collect(verdict, endpoints, fleet, state, out));
      }
      report.print(out);
      report.write(state.resolve("chaos.json"));
      out.println("written to " + state.resolve("chaos.json") + "; service logs in " + logs);
      if (options.keep()) {
        keepRunning(state, endpoints, ports);
      }
      return report;
    }
  }

  /**
   * {@code --keep}: writes the super user's client settings to a 0600 file (deleted on exit; the
   * secret is otherwise only in memory), says where everything is, and waits for SIGTERM / Ctrl-C
   * (the shutdown hook stops everything).
   */
  private void keepRunning(Path state, StackEndpoints endpoints, Map<String, Integer> ports)
      throws Exception {
    Path admin = state.resolve("chaos-admin.properties");
    java.nio.file.Files.deleteIfExists(admin);
    java.nio.file.Files.createFile(
        admin,
        java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
            java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
    StringBuilder props = new StringBuilder();
    endpoints
        .kafkaAdminSettings()
        .forEach((k, v) -> props.append(k).append('=').append(v).append('\n'));
    java.nio.file.Files.writeString(admin, props);
    admin.toFile().deleteOnExit();
    out.printf(
        "KEEP: everything stays up for triage; stop with kill -TERM %d (or Ctrl-C)%n"
            + "  kafka %s, client settings (super user) in %s%n"
            + "  postgres %s%n"
            + "  services (http://127.0.0.1:<port>/q/health, jstack <pid>) %s%n",
        ProcessHandle.current().pid(),
        endpoints.kafkaBootstrap(),
        admin,
        endpoints.jdbcUrl(),
        ports);
    out.flush();
    Thread.currentThread().join();
  }

  /**
   * Like a pod's restart policy: a service that exits while the fleet starts (on a busy machine,
   * e.g. no database connection within the pool's acquisition timeout) is started again, up to 3
   * times per service, instead of failing the run before it began.
   */
  private Map<String, String> awaitFleet(Fleet fleet) throws Exception {
    // Five services starting at once took 264-306 s each at load average 38 on 2 cores.
    Map<String, String> ready = fleet.awaitReady(Duration.ofMinutes(10));
    for (int retry = 0; retry < 3 * ready.size() && ready.containsValue("EXITED"); retry++) {
      for (Map.Entry<String, String> s : ready.entrySet()) {
        if (s.getValue().equals("EXITED")) {
          out.printf("fleet    %s exited while starting; starting it again%n", s.getKey());
          fleet.restart(s.getKey());
        }
      }
      ready = fleet.awaitReady(Duration.ofMinutes(5));
    }
    return ready;
  }

  private Duration quietTimeout() {
    return options.quick() ? Duration.ofSeconds(80) : Duration.ofMinutes(6);
  }

  private static Map<String, String> fleetEnv(
      DemoSettings settings, Fleet fleet, boolean brokenWriter) {
    Map<String, String> env = new LinkedHashMap<>(settings.fleetEnv());
    if (brokenWriter) {
      env.put("MLC_WRITER_QAD_FAULT_BLIND_RESEND", "true");
    }
    env.put("MLC_SERVICENOW_RECEIPT_SYNC_URL", fleet.service("qad-poller").baseUri().toString());
    // Short cadences and client timeouts: the run lasts minutes, not hours.
    env.put("MLC_QAD_SCHEDULE_SUPPLIERS", "15s");
    env.put("MLC_QAD_SCHEDULE_PURCHASE_ORDERS", "10s");
    env.put("MLC_QAD_SCHEDULE_RECEIPTS", "10s");
    env.put("MLC_QAD_SCHEDULE_DIMENSIONS", "20s");
    env.put("MLC_SERVICENOW_SCHEDULE_INVOICES", "10s");
    env.put("MLC_SERVICENOW_SCHEDULE_DIMENSIONS", "20s");
    env.put("MLC_WRITER_QAD_RECHECK", "10s");
    env.put("MLC_QAD_CLIENT_REQUEST_TIMEOUT", "10s");
    env.put("MLC_SERVICENOW_REQUEST_TIMEOUT", "10s");
    // A partition that failed is paused up to this long before its retry (default 60 s): short
    // enough that a fleet whose faults are over is busy again before the settle phase looks.
    env.put("MLC_KAFKA_CONSUMER_MAX_RETRY_BACKOFF", "10s");
    // Five services start at once beside the stack on 2 shared cores: Flyway's first connection
    // can take longer than the pool's default 5 s acquisition timeout.
    env.put("QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT", "30S");
    return env;
  }

  /** Both tenants through the console; the last one writes through the Batch API. */
  private void onboard(SandboxLandscape sandbox, Fleet fleet, OperatorApi api) throws Exception {
    List<SandboxTenant> tenants = sandbox.tenants();
    for (int i = 0; i < tenants.size(); i++) {
      TenantBody body = TenantBody.of(tenants.get(i));
      if (i == tenants.size() - 1) {
        Map<String, Object> sn = new LinkedHashMap<>(body.servicenow());
        sn.put("batchApi", true);
        body = new TenantBody(body.id(), body.displayName(), body.qad(), sn, body.sandbox());
      }
      api.post(fleet.service("console").baseUri().resolve("/tenants"), body);
      out.printf("onboarded tenant %s through the console API%n", body.id());
    }
  }
}

package io.mlconnector.stack.fleet;

import io.mlconnector.sandbox.SandboxLandscape;
import io.mlconnector.stack.LocalStack;
import io.mlconnector.stack.Ports;
import io.mlconnector.stack.SharedStack;
import io.mlconnector.stack.StackEndpoints;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./mlc up} and {@code ./mlc demo}: the local stack in this JVM, every service as its own
 * process, then (demo) the sandbox, onboarding and a sync, a summary, and either exit ({@code
 * --once}) or run until Ctrl-C. Whatever was started is stopped on the way out; services and
 * PostgreSQL also follow this JVM's pid, so even a SIGKILL leaves nothing behind.
 *
 * <p>{@code up} is the single-machine production mode: fixed ports, data kept under the state
 * directory, an operator token and credential key from the environment or generated once ({@link
 * UpSettings}, {@link OperatorSecrets}). The demo runs on free ports with throwaway data and
 * secrets.
 */
public final class FleetMain {
  private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

  private FleetMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0 || !(args[0].equals("up") || args[0].equals("demo"))) {
      Cli.fail("usage: ./mlc up | ./mlc demo [--once] [--scale PERCENT]");
    }
    boolean once = false;
    int scale = 2;
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--once" -> once = true;
        case "--scale" -> scale = Cli.intArg(args, ++i, "--scale");
        default -> Cli.fail("unknown option " + args[i] + " (see ./mlc help)");
      }
    }
    System.exit(run(args[0].equals("demo"), once, scale, System.out));
  }

  static int run(boolean demo, boolean once, int scale, PrintStream out) throws Exception {
    Path root = SharedStack.projectRoot();
    Path state = UpSettings.stateDir(System.getenv(), root);
    UpSettings up = demo ? null : UpSettings.resolve(System.getenv(), root);
    if (up != null && !up.problems().isEmpty()) {
      out.println("./mlc up cannot start:");
      up.problems().forEach(p -> out.println("  - " + p));
      return 2;
    }
    LocalStack stack =
        demo
            ? new LocalStack(state.resolve("stack"), StackEndpoints.fromEnvironment())
            : new LocalStack(state.resolve("data"), up.stack());
    Fleet fleet = new Fleet(root, state.resolve("logs"), demo ? freePorts() : up.servicePorts());
    List<AutoCloseable> extras = new ArrayList<>();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  fleet.close();
                  extras.forEach(FleetMain::closeQuietly);
                  stack.close();
                  stopped.countDown();
                },
                "fleet-shutdown"));
    if (up != null) {
      OperatorBlock.printGenerated(up.secrets(), out);
    }
    StackEndpoints endpoints = stack.start();
    out.printf("stack    kafka %s  postgres %s%n", endpoints.kafkaBootstrap(), endpoints.jdbcUrl());
    DemoSettings settings = new DemoSettings();
    SandboxLandscape sandbox = null;
    if (demo) {
      sandbox = SandboxLandscape.start(List.of("acme", "globex"), scale);
      extras.add(sandbox);
      out.printf(
          "sandbox  QAD %s  ServiceNow %s  (seed scale %d%%)%n",
          sandbox.qad().baseUri(), sandbox.servicenow().baseUri(), scale);
    }
    Map<String, String> env =
        new LinkedHashMap<>(demo ? settings.fleetEnv() : settings.upEnv(up.secrets().env()));
    // Receipts before invoices: each invoice poll first asks the QAD poller to sync the tenant.
    env.put("MLC_SERVICENOW_RECEIPT_SYNC_URL", fleet.service("qad-poller").baseUri().toString());
    fleet.start(endpoints, env);
    Map<String, String> readiness = fleet.awaitReady(READY_TIMEOUT);
    FleetReport.printServices(fleet, readiness, out);
    if (!readiness.values().stream().allMatch("UP"::equals)) {
      out.println("NOT all services healthy: see the logs above");
      return 1;
    }
    out.println("all services healthy");
    Path secretsFile =
        up != null && up.secrets().tokenInFile(System.getenv()) ? up.secrets().file() : null;
    FleetFile.write(state, fleet, demo ? settings.apiToken : null, secretsFile);
    extras.add(() -> Files.deleteIfExists(FleetFile.path(state)));
    if (demo) {
      OperatorApi api = new OperatorApi(settings.apiToken);
      DemoScenario scenario = new DemoScenario(fleet, sandbox, api, out);
      boolean complete = scenario.run();
      out.println(complete ? "demo complete" : "demo INCOMPLETE: see the counts above");
      OperatorBlock.printDemo(
          fleet, sandbox, settings.apiToken, FleetFile.path(state), scenario.auditSamples(), out);
      if (!complete) {
        return 1;
      }
    } else {
      OperatorBlock.printUp(fleet, secretsFile, out);
    }
    if (once) {
      return 0;
    }
    out.println("running; Ctrl-C stops everything");
    stopped.await();
    return 0;
  }

  private static Map<String, Integer> freePorts() {
    Map<String, Integer> ports = new LinkedHashMap<>();
    for (String name : Fleet.SERVICES) {
      ports.put(name, Ports.free());
    }
    return ports;
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception ignored) {
      // Shutting down anyway.
    }
  }
}

package io.mlconnector.stack.fleet;

import io.mlconnector.sandbox.SandboxLandscape;
import io.mlconnector.stack.LocalStack;
import io.mlconnector.stack.Ports;
import io.mlconnector.stack.SharedStack;
import io.mlconnector.stack.StackEndpoints;
import java.io.PrintStream;
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
 */
public final class FleetMain {
  private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

  private FleetMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0 || !(args[0].equals("up") || args[0].equals("demo"))) {
      System.err.println("usage: FleetMain up|demo [--once] [--scale PERCENT]");
      System.exit(2);
    }
    boolean once = false;
    int scale = 2;
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--once" -> once = true;
        case "--scale" -> scale = Integer.parseInt(args[++i]);
        default -> {
          System.err.println("unknown option " + args[i]);
          System.exit(2);
        }
      }
    }
    System.exit(run(args[0].equals("demo"), once, scale, System.out));
  }

  static int run(boolean demo, boolean once, int scale, PrintStream out) throws Exception {
    Path root = SharedStack.projectRoot();
    Path state = root.resolve(".mlc");
    LocalStack stack = new LocalStack(state.resolve("stack"), StackEndpoints.fromEnvironment());
    Fleet fleet = new Fleet(root, state.resolve("logs"), freePorts());
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
    Map<String, String> env = new LinkedHashMap<>(settings.fleetEnv(demo));
    // Receipts before invoices: each invoice poll first asks the QAD poller to sync the tenant.
    env.put(
        "MLC_SERVICENOW_RECEIPT_SYNC_URL",
        fleet.service("qad-poller").baseUri() + "/polls/{tenant}/run");
    fleet.start(endpoints, env);
    Map<String, String> readiness = fleet.awaitReady(READY_TIMEOUT);
    FleetReport.printServices(fleet, readiness, out);
    if (!readiness.values().stream().allMatch("UP"::equals)) {
      out.println("NOT all services healthy: see the logs above");
      return 1;
    }
    out.println("all services healthy");
    PingMain.FleetFile.write(root, fleet, demo ? settings.apiToken : null);
    extras.add(() -> java.nio.file.Files.deleteIfExists(PingMain.FleetFile.path(root)));
    if (demo) {
      OperatorApi api = new OperatorApi(settings.apiToken);
      boolean complete = new DemoScenario(fleet, sandbox, api, out).run();
      out.println(complete ? "demo complete" : "demo INCOMPLETE: see the counts above");
      if (!complete) {
        return 1;
      }
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

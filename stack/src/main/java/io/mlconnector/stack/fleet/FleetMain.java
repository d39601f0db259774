package io.mlconnector.stack.fleet;

import io.mlconnector.stack.LocalStack;
import io.mlconnector.stack.SharedStack;
import io.mlconnector.stack.StackEndpoints;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./mlc up} and {@code ./mlc demo}: the local stack in this JVM, every service as its own
 * process, then (demo) the sandbox and a sync, a summary, and either exit ({@code --once}) or run
 * until Ctrl-C. Whatever was started is stopped on the way out; services and PostgreSQL also follow
 * this JVM's pid, so even a SIGKILL leaves nothing behind.
 */
public final class FleetMain {
  private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

  private FleetMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0 || !(args[0].equals("up") || args[0].equals("demo"))) {
      System.err.println("usage: FleetMain up|demo [--once]");
      System.exit(2);
    }
    boolean once = args.length > 1 && args[1].equals("--once");
    System.exit(run(args[0].equals("demo"), once, System.out));
  }

  static int run(boolean demo, boolean once, PrintStream out) throws Exception {
    Path root = SharedStack.projectRoot();
    Path state = root.resolve(".mlc");
    LocalStack stack = new LocalStack(state.resolve("stack"), StackEndpoints.fromEnvironment());
    Fleet fleet = new Fleet(root, state.resolve("logs"), freePorts());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  fleet.close();
                  stack.close();
                  stopped.countDown();
                },
                "fleet-shutdown"));
    StackEndpoints endpoints = stack.start();
    out.printf("stack    kafka %s  postgres %s%n", endpoints.kafkaBootstrap(), endpoints.jdbcUrl());
    fleet.start(endpoints, Map.of());
    Map<String, String> readiness = fleet.awaitReady(READY_TIMEOUT);
    FleetReport.printServices(fleet, readiness, out);
    boolean healthy = readiness.values().stream().allMatch("UP"::equals);
    if (!healthy) {
      out.println("NOT all services healthy: see the logs above");
      return 1;
    }
    out.println("all services healthy");
    if (demo) {
      out.println("(the sandbox and the sync join the demo with their issues)");
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
      ports.put(name, io.mlconnector.stack.Ports.free());
    }
    return ports;
  }
}

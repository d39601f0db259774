package io.mlconnector.stack.fleet;

import io.mlconnector.stack.StackEndpoints;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every fleet service as a separate process, started together and stopped in reverse order. */
public final class Fleet implements AutoCloseable {
  /** Start order: the console (registry) first, the pollers last. */
  public static final List<String> SERVICES =
      List.of("console", "mapper-service", "writer-service", "qad-poller", "servicenow-poller");

  private final Path root;
  private final List<ServiceProcess> services = new ArrayList<>();
  private StackEndpoints stack;
  private Map<String, String> env = Map.of();

  public Fleet(Path root, Path logDir, Map<String, Integer> ports) {
    this.root = root;
    for (String name : SERVICES) {
      services.add(new ServiceProcess(name, ports.get(name), logDir.resolve(name + ".log")));
    }
  }

  public List<ServiceProcess> services() {
    return services;
  }

  public ServiceProcess service(String name) {
    return services.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  /**
   * Starts every service against the stack.
   *
   * @param extraEnv settings for all services (e.g. sandbox mode), added to the stack's; each
   *     service logs in to Kafka as its own principal
   */
  public void start(StackEndpoints stack, Map<String, String> extraEnv) throws IOException {
    this.stack = stack;
    Map<String, String> env = new LinkedHashMap<>();
    // The console relays the page's dimension alignment report and mapping fixes to the mapper.
    env.put("MLC_CONSOLE_MAPPER_URL", service("mapper-service").baseUri().toString());
    env.putAll(extraEnv);
    this.env = Map.copyOf(env);
    for (ServiceProcess service : services) {
      service.start(root, envOf(service.name()));
    }
  }

  private Map<String, String> envOf(String name) {
    Map<String, String> all = new LinkedHashMap<>(stack.serviceEnv(name));
    all.putAll(env);
    return all;
  }

  /** Starts one service again (after a kill) with the settings of {@link #start}. */
  public void restart(String name) throws IOException {
    service(name).start(root, envOf(name));
  }

  /** Starts another instance of a service beside the fleet's one; the caller stops it. */
  public ServiceProcess extraInstance(String name, int port, Path log) throws IOException {
    ServiceProcess extra = new ServiceProcess(name, port, log);
    extra.start(root, envOf(name));
    return extra;
  }

  /**
   * Waits until every service reports ready, or one exits, or the timeout passes.
   *
   * @return readiness per service at the end of the wait
   */
  public Map<String, String> awaitReady(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Map<String, String> state = new LinkedHashMap<>();
    while (true) {
      for (ServiceProcess s : services) {
        state.put(s.name(), s.readiness());
      }
      boolean allUp = state.values().stream().allMatch("UP"::equals);
      boolean anyExited = state.containsValue("EXITED");
      if (allUp || anyExited || System.nanoTime() > deadline) {
        return state;
      }
      Thread.sleep(500);
    }
  }

  @Override
  public void close() {
    for (int i = services.size() - 1; i >= 0; i--) {
      services.get(i).close();
    }
  }
}

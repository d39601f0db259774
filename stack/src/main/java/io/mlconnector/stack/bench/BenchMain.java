package io.mlconnector.stack.bench;

import io.mlconnector.sandbox.SandboxLandscape;
import io.mlconnector.sandbox.SandboxTenant;
import io.mlconnector.sandbox.seed.SeedData;
import io.mlconnector.sandbox.servicenow.traffic.LatencyModel;
import io.mlconnector.stack.LocalStack;
import io.mlconnector.stack.SharedStack;
import io.mlconnector.stack.StackEndpoints;
import io.mlconnector.stack.TenantFixtures;
import io.mlconnector.stack.fleet.ServiceProcess;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./mlc bench [--records N] [--naive-records N] [--latency-ms MS] [--latency-schedule D]
 * [--no-default-schedule]}: QAD → ServiceNow throughput, ServiceNow and QAD call economy, CPU and
 * memory of the fleet (initial load and an incremental cycle) and change-to-visible latency,
 * measured twice in one run — the connector's batched mode (one lookup per batch, Batch API writes,
 * unchanged rows skipped) and a naive one-lookup-plus-one-write-per-record mode — with the ratios;
 * {@code --latency-ms} runs the ServiceNow simulator with that latency model ({@link
 * LatencyModel.Settings#perCall}); {@code --latency-schedule} the short PO schedule the
 * change-to-visible latency of both modes is measured on (default 5 s). The batched mode's latency
 * is also measured on qad-poller's default PO schedule (5 minutes; about 12 minutes more) unless
 * {@code --no-default-schedule}. Prints the figures and writes them to {@code .mlc/bench.json}.
 */
public final class BenchMain {
  private static final String REGISTRY = "registry_bench";

  /**
   * The naive baseline is measured on at most this many records (default; {@code --naive-records}
   * changes it): at one lookup and one write per record the full seed would take hours, the more so
   * with a latency model. Calls per 1,000 records do not depend on the size; its records/s is
   * flattered, if anything, by the smaller tables.
   */
  static final long NAIVE_MAX_RECORDS = 10_000;

  private BenchMain() {}

  /** The operate token of this run's pollers, random per run and never written down. */
  private static final String OPERATOR_TOKEN = java.util.UUID.randomUUID().toString();

  public static void main(String[] args) throws Exception {
    long records = 100_000;
    long naiveRecords = -1;
    long latencyMs = 0;
    Duration schedule = ChangeLatencyRun.DEFAULT_SCHEDULE;
    boolean onDefaultSchedule = true;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--records" -> records = Long.parseLong(args[++i]);
        case "--naive-records" -> naiveRecords = Long.parseLong(args[++i]);
        case "--latency-ms" -> latencyMs = Long.parseLong(args[++i]);
        case "--latency-schedule" -> schedule = duration(args[++i]);
        case "--no-default-schedule" -> onDefaultSchedule = false;
        default -> {
          System.err.println(
              "usage: BenchMain [--records N] [--naive-records N] [--latency-ms MS]"
                  + " [--latency-schedule 5s|5m] [--no-default-schedule]");
          System.exit(2);
        }
      }
    }
    long naive = naiveRecords < 0 ? Math.min(records, NAIVE_MAX_RECORDS) : naiveRecords;
    Duration defaultSchedule =
        onDefaultSchedule && !schedule.equals(ChangeLatencyRun.QAD_DEFAULT_PO_SCHEDULE)
            ? ChangeLatencyRun.QAD_DEFAULT_PO_SCHEDULE
            : null;
    System.exit(
        run(
            records,
            naive,
            LatencyModel.Settings.perCall(latencyMs),
            schedule,
            defaultSchedule,
            System.out));
  }

  /** {@code 90s}, {@code 5m}, or plain seconds. */
  static Duration duration(String text) {
    if (text.endsWith("m")) {
      return Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1)));
    }
    return Duration.ofSeconds(Long.parseLong(text.replaceFirst("s$", "")));
  }

  static int run(
      long records,
      long naiveRecords,
      LatencyModel.Settings latency,
      Duration schedule,
      Duration defaultSchedule,
      PrintStream out)
      throws Exception {
    Path root = SharedStack.projectRoot();
    List<AutoCloseable> open = new ArrayList<>();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> closeAll(open)));
    Path stateDir = root.resolve(".mlc/bench-stack");
    LocalStack stack = new LocalStack(stateDir, (StackEndpoints) null);
    StackEndpoints endpoints = stack.start();
    open.add(stack);
    out.printf("seeding QAD with about %,d records…%n", records);
    SandboxLandscape sandbox =
        SandboxLandscape.start(List.of("bench"), SeedData.withRecordCount(42, records));
    open.add(sandbox);
    sandbox.servicenow().latencyModel(latency);
    out.println("ServiceNow latency model: " + latency.asMap());
    sandbox.addTenant("bench-naive", SeedData.withRecordCount(42, naiveRecords));
    TenantFixtures registry = new TenantFixtures(endpoints, REGISTRY).install();
    for (SandboxTenant t : sandbox.tenants()) {
      registry.put(TenantFixtures.sandboxTenant(t, t.id().equals("bench")));
    }
    Map<String, String> env = env();
    InvoiceBench.Starter starter =
        (name, extra) -> {
          Map<String, String> all = new LinkedHashMap<>(env);
          all.putAll(extra);
          return start(name, root, endpoints, all, open);
        };
    long postmaster = FleetMeter.postmasterOf(stateDir.resolve("postgres"));
    ServiceProcess poller = starter.start("qad-poller", Map.of());
    ServiceProcess mapper = starter.start("mapper-service", Map.of());
    ServiceProcess writer = starter.start("writer-service", Map.of());

    out.println("batched mode (the connector):");
    BenchFigures batched =
        measure("bench", poller, sandbox, records, meter(poller, mapper, writer, postmaster), out)
            .withChangeLatency(changeLatency("bench", sandbox, starter, schedule, out));
    List<Long> onDefault =
        defaultSchedule == null
            ? List.of()
            : changeLatency("bench", sandbox, starter, defaultSchedule, out);
    writer.close();
    ServiceProcess naiveWriter =
        starter.start("writer-service", Map.of("MLC_WRITER_SERVICENOW_NAIVE", "true"));
    out.printf("naive mode (one lookup + one write per record), on %,d records:%n", naiveRecords);
    FleetMeter naiveMeter = meter(poller, mapper, naiveWriter, postmaster);
    BenchFigures naive =
        measure("bench-naive", poller, sandbox, naiveRecords, naiveMeter, out)
            .withChangeLatency(changeLatency("bench-naive", sandbox, starter, schedule, out));
    naiveWriter.close();
    starter.start("writer-service", Map.of());
    out.printf("invoice change-to-QAD latency, invoice schedule %s:%n", InvoiceBench.SCHEDULE);
    InvoiceLatency invoices =
        new InvoiceBench(sandbox, registry, poller, OPERATOR_TOKEN, out).measure(starter);
    BenchReport report =
        new BenchReport(batched, naive, records, naiveRecords, invoices, latency)
            .withLatencySchedule(schedule);
    if (defaultSchedule != null) {
      report.withDefaultScheduleLatency(onDefault, defaultSchedule);
    }
    report.write(root.resolve(".mlc/bench.json"), out);
    return 0;
  }

  private static FleetMeter meter(
      ServiceProcess poller, ServiceProcess mapper, ServiceProcess writer, long postmaster) {
    Map<String, Long> pids = new LinkedHashMap<>();
    for (ServiceProcess p : List.of(poller, mapper, writer)) {
      pids.put(p.name(), p.pid());
    }
    return new FleetMeter(pids, postmaster);
  }

  private static List<Long> changeLatency(
      String tenant,
      SandboxLandscape sandbox,
      InvoiceBench.Starter starter,
      Duration schedule,
      PrintStream out)
      throws Exception {
    return new ChangeLatencyRun(
            sandbox.qad().tenant(tenant), sandbox.servicenow().instance(tenant), schedule, out)
        .measure(starter);
  }

  private static BenchFigures measure(
      String tenant,
      ServiceProcess poller,
      SandboxLandscape sandbox,
      long records,
      FleetMeter meter,
      PrintStream out)
      throws Exception {
    URI run = poller.baseUri().resolve("/polls/" + tenant + "/run");
    int changes = (int) Math.max(10, Math.min(1000, records / 100));
    return new BenchRun(
            run,
            OPERATOR_TOKEN,
            sandbox.qad().tenant(tenant),
            sandbox.servicenow().instance(tenant),
            meter,
            out)
        .measure(changes);
  }

  private static ServiceProcess start(
      String name,
      Path root,
      StackEndpoints stack,
      Map<String, String> env,
      List<AutoCloseable> open)
      throws Exception {
    ServiceProcess service =
        new ServiceProcess(name, ServiceProcess.ANY_PORT, logOf(root, name, open));
    Map<String, String> all = new LinkedHashMap<>(stack.serviceEnv(name));
    all.putAll(env);
    service.start(root, all);
    open.add(0, service);
    while (!service.readiness().equals("UP")) {
      if (service.readiness().equals("EXITED")) {
        throw new IllegalStateException(
            name + " exited; see " + service.log() + ", which ends:\n" + service.logTail());
      }
      Thread.sleep(300);
    }
    return service;
  }

  /** One log per process started: a second instance of a service gets {@code name-2.log}. */
  private static Path logOf(Path root, String name, List<AutoCloseable> open) {
    long earlier =
        open.stream().filter(c -> c instanceof ServiceProcess p && p.name().equals(name)).count();
    String file = earlier == 0 ? name + ".log" : name + "-" + (earlier + 1) + ".log";
    return root.resolve(".mlc/bench-logs/" + file);
  }

  private static Map<String, String> env() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("MLC_TENANT_REGISTRY_SCHEMA", REGISTRY);
    env.put("MLC_CRYPTO_KEYS", TenantFixtures.CRYPTO_KEYS);
    env.put("MLC_CRYPTO_ACTIVE_KEY_ID", TenantFixtures.CRYPTO_KEY_ID);
    env.put("MLC_QAD_SCHEDULING_ENABLED", "false");
    env.put("MLC_API_TOKENS", "bench:operate:" + OPERATOR_TOKEN);
    return env;
  }

  private static void closeAll(List<AutoCloseable> open) {
    for (AutoCloseable c : open) {
      try {
        c.close();
      } catch (Exception ignored) {
        // Shutting down anyway.
      }
    }
  }
}

package io.mlconnector.stack.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.mlconnector.sandbox.SandboxLandscape;
import io.mlconnector.sandbox.SandboxTenant;
import io.mlconnector.sandbox.seed.SeedData;
import io.mlconnector.stack.LocalStack;
import io.mlconnector.stack.Ports;
import io.mlconnector.stack.SharedStack;
import io.mlconnector.stack.StackEndpoints;
import io.mlconnector.stack.TenantFixtures;
import io.mlconnector.stack.fleet.ServiceProcess;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./mlc bench [--records N]}: QAD → ServiceNow throughput and ServiceNow call economy,
 * measured twice in one run — the connector's batched mode (one lookup per batch, Batch API writes,
 * unchanged rows skipped) and a naive one-lookup-plus-one-write-per-record mode — with the ratios.
 * Prints the figures and writes them to {@code .mlc/bench.json}.
 */
public final class BenchMain {
  private static final String REGISTRY = "registry_bench";

  /**
   * The naive baseline is measured on a smaller copy of the data: at one lookup and one write per
   * record it would take hours on the full seed. Calls per 1,000 records do not depend on the size;
   * its records/s is flattered, if anything, by the smaller tables.
   */
  static final long NAIVE_MAX_RECORDS = 2_000;

  private BenchMain() {}

  /** The operate token of this run's pollers, random per run and never written down. */
  private static final String OPERATOR_TOKEN = java.util.UUID.randomUUID().toString();

  public static void main(String[] args) throws Exception {
    long records = 100_000;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--records")) {
        records = Long.parseLong(args[++i]);
      } else {
        System.err.println("usage: BenchMain [--records N]");
        System.exit(2);
      }
    }
    System.exit(run(records, System.out));
  }

  static int run(long records, PrintStream out) throws Exception {
    Path root = SharedStack.projectRoot();
    List<AutoCloseable> open = new ArrayList<>();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> closeAll(open)));
    LocalStack stack = new LocalStack(root.resolve(".mlc/bench-stack"), (StackEndpoints) null);
    StackEndpoints endpoints = stack.start();
    open.add(stack);
    out.printf("seeding QAD with about %,d records…%n", records);
    SandboxLandscape sandbox =
        SandboxLandscape.start(List.of("bench"), SeedData.withRecordCount(42, records));
    open.add(sandbox);
    long naiveRecords = Math.min(records, NAIVE_MAX_RECORDS);
    sandbox.addTenant("bench-naive", SeedData.withRecordCount(42, naiveRecords));
    TenantFixtures registry = new TenantFixtures(endpoints, REGISTRY).install();
    for (SandboxTenant t : sandbox.tenants()) {
      registry.put(TenantFixtures.sandboxTenant(t, t.id().equals("bench")));
    }
    Map<String, String> env = env();
    ServiceProcess poller = start("qad-poller", root, endpoints, env, open);
    start("mapper-service", root, endpoints, env, open);
    ServiceProcess writer = start("writer-service", root, endpoints, env, open);
    ServiceProcess naiveWriter;

    out.println("batched mode (the connector):");
    BenchFigures batched = measure("bench", poller, sandbox, records, out);
    writer.close();
    Map<String, String> naiveEnv = new LinkedHashMap<>(env);
    naiveEnv.put("MLC_WRITER_SERVICENOW_NAIVE", "true");
    naiveWriter = start("writer-service", root, endpoints, naiveEnv, open);
    out.printf("naive mode (one lookup + one write per record), on %,d records:%n", naiveRecords);
    BenchFigures naive = measure("bench-naive", poller, sandbox, naiveRecords, out);
    naiveWriter.close();
    start("writer-service", root, endpoints, env, open);
    out.printf("invoice change-to-QAD latency, invoice schedule %s:%n", InvoiceBench.SCHEDULE);
    InvoiceLatency latency =
        new InvoiceBench(sandbox, registry, poller, OPERATOR_TOKEN, out)
            .measure(
                (name, extra) -> {
                  Map<String, String> all = new LinkedHashMap<>(env);
                  all.putAll(extra);
                  return start(name, root, endpoints, all, open);
                });
    report(batched, naive, latency, records, root.resolve(".mlc/bench.json"), out);
    return 0;
  }

  private static BenchFigures measure(
      String tenant, ServiceProcess poller, SandboxLandscape sandbox, long records, PrintStream out)
      throws Exception {
    URI run = poller.baseUri().resolve("/polls/" + tenant + "/run");
    int changes = (int) Math.max(10, Math.min(1000, records / 100));
    return new BenchRun(
            run,
            OPERATOR_TOKEN,
            sandbox.qad().tenant(tenant),
            sandbox.servicenow().instance(tenant),
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
        new ServiceProcess(name, Ports.free(), root.resolve(".mlc/bench-logs/" + name + ".log"));
    Map<String, String> all = new LinkedHashMap<>(stack.serviceEnv(name));
    all.putAll(env);
    service.start(root, all);
    open.add(0, service);
    while (!service.readiness().equals("UP")) {
      if (service.readiness().equals("EXITED")) {
        throw new IllegalStateException(name + " exited; see " + service.log());
      }
      Thread.sleep(300);
    }
    return service;
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

  private static void report(
      BenchFigures batched,
      BenchFigures naive,
      InvoiceLatency latency,
      long records,
      Path file,
      PrintStream out)
      throws Exception {
    BenchReport report =
        new BenchReport(batched, naive, records, Math.min(records, NAIVE_MAX_RECORDS), latency);
    Files.writeString(
        file,
        new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .writeValueAsString(report.asMap()));
    report.print(out);
    out.println("figures also in " + file);
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

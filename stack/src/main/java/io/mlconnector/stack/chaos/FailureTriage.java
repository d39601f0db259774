package io.mlconnector.stack.chaos;

import io.mlconnector.stack.StackEndpoints;
import io.mlconnector.stack.fleet.Fleet;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * When a chaos run fails, what the fleet looked like right after the verdict, while it still runs:
 * {@link FleetDiagnostics} (lost records per tenant and table, consumer groups' lag, deferred
 * queues, breaker and rate-limit rows, last audit rows of lost records) and thread dumps of the
 * writer and the mapper, written next to the report. Printed in short and returned for the JSON.
 */
final class FailureTriage {
  /** The services whose threads tell where a record waits. */
  static final List<String> DUMPED = List.of("writer-service", "mapper-service");

  private FailureTriage() {}

  static Map<String, Object> collect(
      ChaosVerdict verdict, StackEndpoints endpoints, Fleet fleet, Path reportDir, PrintStream out)
      throws InterruptedException {
    List<String> lost = verdict.records("records_lost");
    Map<String, Object> triage = new LinkedHashMap<>();
    var perTable = FleetDiagnostics.lostPerTenantAndTable(lost);
    triage.put("records_lost_per_tenant_and_table", perTable);
    try {
      triage.put(
          "consumer_groups", FleetDiagnostics.consumerGroups(endpoints.kafkaAdminSettings()));
    } catch (Exception e) {
      triage.put("consumer_groups", "not readable: " + e);
    }
    try {
      triage.putAll(FleetDiagnostics.database(endpoints.jdbcUrl(), lost));
    } catch (Exception e) {
      triage.put("database", "not readable: " + e);
    }
    Map<String, Long> pids = new LinkedHashMap<>();
    DUMPED.forEach(s -> pids.put(s, fleet.service(s).pid()));
    triage.put("thread_dumps", ThreadDumps.write(reportDir, "chaos-", pids));
    print(triage, out);
    return triage;
  }

  @SuppressWarnings("unchecked")
  private static void print(Map<String, Object> triage, PrintStream out) {
    out.println("triage (the fleet right after the verdict; all of it in the JSON):");
    ((Map<String, Map<String, Map<String, Object>>>)
            triage.get("records_lost_per_tenant_and_table"))
        .forEach(
            (tenant, tables) ->
                tables.forEach(
                    (table, e) ->
                        out.printf("  lost %-8s %-40s %6s%n", tenant, table, e.get("count"))));
    if (triage.get("consumer_groups") instanceof Map<?, ?> groups) {
      ((Map<String, Map<String, Map<String, Long>>>) groups)
          .forEach(
              (group, partitions) -> {
                long lag = partitions.values().stream().mapToLong(p -> p.get("lag")).sum();
                out.printf("  group %-28s lag %d%n", group, lag);
              });
    } else {
      out.println("  consumer groups: " + triage.get("consumer_groups"));
    }
    for (String part : List.of("deferred_queues", "breaker_state", "tenant_rate")) {
      Object rows = triage.get(part);
      if (rows instanceof List<?> list) {
        out.printf("  %s: %s%n", part, list.isEmpty() ? "none" : "");
        list.forEach(r -> out.println("    " + r));
      }
    }
    if (triage.containsKey("database")) {
      out.println("  database: " + triage.get("database"));
    }
    if (triage.get("last_audit_of_lost_records") instanceof Map<?, ?> audits) {
      audits.entrySet().stream()
          .limit(10)
          .forEach(a -> out.println("  last audit " + a.getKey() + ": " + a.getValue()));
    }
    out.println("  thread dumps: " + triage.get("thread_dumps"));
  }
}

package io.mlconnector.writer.servicenow.service;

import io.mlconnector.common.audit.AuditStage;
import io.mlconnector.common.event.PayloadHash;
import io.mlconnector.common.mapping.StagingTargets;
import io.mlconnector.common.tenant.Tenant;
import io.mlconnector.common.tenant.TenantDirectory;
import io.mlconnector.writer.config.WriterConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Handles one poll's {@code sn.upsert} records: groups them per (tenant, staging table), keeps only
 * the latest version of each external id (records come in offset order, and one external id always
 * travels under one key, hence one partition), writes all groups of a tenant together ({@link
 * StagingTableWriter}: with the Batch API one call for the lookups and one for the writes per
 * poll), and records every outcome before the caller commits offsets. A command for a table the
 * tenant's staging mapping does not target ({@link StagingTargets}) is parked, never written.
 */
@ApplicationScoped
public class StagingBatchProcessor {
  private record Group(Tenant tenant, String table, String idField) {}

  private final TenantDirectory tenants;
  private final StagingTargets targets;
  private final StagingTableWriter writer;
  private final OutcomeRecorder recorder;
  private final boolean naive;

  public StagingBatchProcessor(
      TenantDirectory tenants,
      StagingTargets targets,
      StagingTableWriter writer,
      OutcomeRecorder recorder,
      WriterConfig config) {
    this.tenants = tenants;
    this.targets = targets;
    this.writer = writer;
    this.recorder = recorder;
    this.naive = config.servicenow().naive();
  }

  /**
   * @return every record's outcome; records with stage FAILED were not written and must be retried
   */
  public List<RecordOutcome> process(List<IncomingUpsert> records) {
    return process(records, true);
  }

  /**
   * The same; {@code auditFailures} false leaves the audit row of FAILED records to the caller (the
   * deferral, which says where they wait).
   */
  public List<RecordOutcome> process(List<IncomingUpsert> records, boolean auditFailures) {
    List<RecordOutcome> outcomes = new ArrayList<>();
    Map<Group, LinkedHashMap<String, PlannedRow>> groups = new LinkedHashMap<>();
    for (IncomingUpsert record : records) {
      plan(record, outcomes, groups);
    }
    write(groups, outcomes);
    recorder.record(
        auditFailures
            ? outcomes
            : outcomes.stream().filter(o -> o.stage() != AuditStage.FAILED).toList());
    return outcomes;
  }

  private void plan(
      IncomingUpsert record,
      List<RecordOutcome> outcomes,
      Map<Group, LinkedHashMap<String, PlannedRow>> groups) {
    StagingRowCommand command;
    try {
      command = StagingRowCommand.parse(record.event().payload());
    } catch (StagingRowCommand.InvalidCommandException e) {
      outcomes.add(parkedWithoutCommand(record, e.getMessage() + "; fix the mapper's output"));
      return;
    }
    String tenantId = record.event().tenant();
    Optional<Tenant> tenant = tenants.find(tenantId);
    if (tenant.isEmpty() || !tenant.get().enabled()) {
      String state = tenant.isEmpty() ? "is not registered" : "is disabled";
      outcomes.add(
          PlannedRow.of(record, command)
              .parked(
                  "tenant " + tenantId + " " + state + " in the console; enable it, then replay"));
      return;
    }
    if (!targets.allows(tenant.get(), command.table())) {
      // Kafka is not proof of origin: only the tables the mapping targets are ever written.
      outcomes.add(
          PlannedRow.of(record, command)
              .parked(
                  "sn.upsert names table "
                      + command.table()
                      + ", which no staging mapping of tenant "
                      + tenantId
                      + " targets; refused, nothing written (allowed: "
                      + targets.forTenant(tenant.get())
                      + ")"));
      return;
    }
    var rows =
        groups.computeIfAbsent(
            new Group(tenant.get(), command.table(), command.externalIdField()),
            g -> new LinkedHashMap<>());
    PlannedRow earlier = rows.remove(command.externalId());
    if (earlier != null) {
      outcomes.add(
          earlier.skipped(
              "superseded by a later version at offset "
                  + record.where().offset()
                  + " in the same batch"));
    }
    rows.put(command.externalId(), PlannedRow.of(record, command));
  }

  /**
   * One write per tenant for all its tables (so its lookups share a Batch call, and its writes
   * another); the naive baseline writes row by row.
   */
  private void write(
      Map<Group, LinkedHashMap<String, PlannedRow>> groups, List<RecordOutcome> outcomes) {
    Map<String, List<PlannedRow>> byTenant = new LinkedHashMap<>();
    Map<String, Tenant> tenantsById = new HashMap<>();
    groups.forEach(
        (group, rows) -> {
          tenantsById.put(group.tenant().id(), group.tenant());
          byTenant
              .computeIfAbsent(group.tenant().id(), t -> new ArrayList<>())
              .addAll(rows.values());
        });
    byTenant.forEach(
        (tenantId, rows) -> {
          Tenant tenant = tenantsById.get(tenantId);
          if (!naive) {
            outcomes.addAll(writer.write(tenant, rows));
            return;
          }
          boolean failed = false;
          for (PlannedRow row : rows) {
            if (failed) {
              // Its instance just failed: don't hammer it within the same poll.
              outcomes.add(
                  row.failed(
                      "not attempted: ServiceNow of "
                          + tenantId
                          + " failed earlier in this batch"));
              continue;
            }
            List<RecordOutcome> result = writer.write(tenant, List.of(row));
            failed = result.stream().anyMatch(o -> o.stage() == AuditStage.FAILED);
            outcomes.addAll(result);
          }
        });
  }

  private static RecordOutcome parkedWithoutCommand(IncomingUpsert record, String reason) {
    return RecordOutcome.parked(record, null, PayloadHash.of(record.event().payload()), reason);
  }
}

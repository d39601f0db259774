package io.mlconnector.writer.servicenow.service;

import io.mlconnector.common.tenant.Tenant;
import io.mlconnector.snclient.ServiceNowClient;
import io.mlconnector.snclient.ServiceNowClients;
import io.mlconnector.snclient.error.ServiceNowException;
import io.mlconnector.writer.config.WriterConfig;
import io.mlconnector.writer.servicenow.ledger.LedgerEntry;
import io.mlconnector.writer.servicenow.ledger.StagingClaims;
import io.mlconnector.writer.servicenow.ledger.WriterLedger;
import io.mlconnector.writer.servicenow.metrics.WriterMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Upserts one tenant's staging rows (distinct (table, external id)s, any of its tables) while
 * holding a claim on them ({@link StagingClaims}: a second writer instance with the same records
 * waits). Rows older than the version the ledger holds are skipped (versions only move forward),
 * rows whose content hash the ledger already holds as written are skipped. A row the ledger knows a
 * sys_id for is updated by it directly; a 404 there means the row is gone, and it is looked up
 * before it is inserted again. Every other row is looked up first ({@link StagingLookups}: also
 * rows written just before a crash or whose insert's answer was lost, which the ledger never saw),
 * then inserted when not found. With the Batch API that is one call for the lookups and one for the
 * writes (more only past the client's time budget).
 */
@ApplicationScoped
public class StagingTableWriter {
  private final WriterLedger ledger;
  private final ServiceNowClients clients;
  private final StagingLookups lookups;
  private final StagingWrites writes;
  private final WriterMetrics metrics;
  private final StagingClaims claims;
  private final boolean naive;

  public StagingTableWriter(
      WriterLedger ledger,
      ServiceNowClients clients,
      StagingLookups lookups,
      StagingWrites writes,
      WriterMetrics metrics,
      StagingClaims claims,
      WriterConfig config) {
    this.naive = config.servicenow().naive();
    this.ledger = ledger;
    this.clients = clients;
    this.lookups = lookups;
    this.writes = writes;
    this.metrics = metrics;
    this.claims = claims;
  }

  /** Rows of one table. */
  public List<RecordOutcome> write(Tenant tenant, String table, List<PlannedRow> chunk) {
    return write(tenant, chunk);
  }

  /** Rows of any tables of one tenant, at most one per (table, external id). */
  public List<RecordOutcome> write(Tenant tenant, List<PlannedRow> rows) {
    Map<String, List<String>> idsByTable = new LinkedHashMap<>();
    rows.forEach(
        r ->
            idsByTable
                .computeIfAbsent(r.command().table(), t -> new ArrayList<>())
                .add(r.externalId()));
    return claims.withClaims(tenant.id(), idsByTable, () -> writeClaimed(tenant, rows, idsByTable));
  }

  private List<RecordOutcome> writeClaimed(
      Tenant tenant, List<PlannedRow> rows, Map<String, List<String>> idsByTable) {
    Map<String, Map<String, LedgerEntry>> known = new HashMap<>();
    idsByTable.forEach((table, ids) -> known.put(table, ledger.find(tenant.id(), table, ids)));
    List<RecordOutcome> out = new ArrayList<>();
    List<StagingWrites.Target> targets = new ArrayList<>();
    List<PlannedRow> toLookUp = new ArrayList<>();
    for (PlannedRow row : rows) {
      String table = row.command().table();
      LedgerEntry entry = known.get(table).get(row.externalId());
      if (!naive && entry != null && entry.newerThan(row.sourceVersion())) {
        out.add(
            row.skipped(
                "version "
                    + row.sourceVersion()
                    + " is older than "
                    + entry.sourceVersion()
                    + ", already handled; not written"));
        metrics.skipped(tenant.id(), table);
      } else if (!naive && entry != null && entry.writtenWith(row.contentHash())) {
        out.add(row.skipped(null));
        metrics.skipped(tenant.id(), table);
      } else if (!naive && entry != null && entry.targetId() != null) {
        targets.add(new StagingWrites.Target(row, entry.targetId(), true, false));
      } else {
        toLookUp.add(row);
      }
    }
    if (targets.isEmpty() && toLookUp.isEmpty()) {
      return out;
    }
    ServiceNowClient client;
    try {
      client = clients.forTenant(tenant);
    } catch (RuntimeException e) {
      // Tenant settings the client cannot use (bad URL, missing secret): held, not dropped.
      String reason = "ServiceNow client unusable: " + e.getMessage();
      targets.forEach(t -> out.add(t.row().failed(reason)));
      toLookUp.forEach(row -> out.add(row.failed(reason)));
      return out;
    }
    boolean batchApi = tenant.servicenow().batchApi();
    Lookup found = lookUp(client, batchApi, toLookUp, known, out);
    if (found.outage() != null) {
      // Its instance just failed: the rest of the poll is not sent, it is retried later.
      String reason =
          "not sent: a lookup on ServiceNow of "
              + tenant.id()
              + " failed in this batch, will retry: "
              + found.outage().getMessage();
      targets.forEach(t -> out.add(t.row().failed(reason)));
      found.targets().forEach(t -> out.add(t.row().failed(reason)));
      return out;
    }
    targets.addAll(found.targets());
    StagingWrites.Applied applied = writes.apply(client, batchApi, targets);
    out.addAll(applied.outcomes());
    if (!applied.vanished().isEmpty()) {
      List<PlannedRow> gone = applied.vanished().stream().map(StagingWrites.Target::row).toList();
      Lookup again = lookUp(client, batchApi, gone, Map.of(), out);
      out.addAll(writes.apply(client, batchApi, again.targets()).outcomes());
    }
    return out;
  }

  /** Targets of the rows whose lookup worked; {@code outage} when one failed transiently. */
  private record Lookup(List<StagingWrites.Target> targets, ServiceNowException outage) {}

  private Lookup lookUp(
      ServiceNowClient client,
      boolean batchApi,
      List<PlannedRow> rows,
      Map<String, Map<String, LedgerEntry>> known,
      List<RecordOutcome> out) {
    List<StagingWrites.Target> targets = new ArrayList<>();
    if (rows.isEmpty()) {
      return new Lookup(targets, null);
    }
    ServiceNowException outage = null;
    for (StagingLookups.Found f : lookups.find(client, batchApi, rows)) {
      if (f.error() != null) {
        String reason = ParkReasons.lookupFailed(f.rows().get(0).command().table(), f.error());
        boolean data = ParkReasons.isDataProblem(f.error());
        f.rows().forEach(row -> out.add(data ? row.parked(reason) : row.failed(reason)));
        outage = data ? outage : f.error();
        continue;
      }
      for (PlannedRow row : f.rows()) {
        String sysId = f.bySafeId().get(row.safeId());
        LedgerEntry entry =
            known.getOrDefault(row.command().table(), Map.of()).get(row.externalId());
        if (sysId != null) {
          targets.add(new StagingWrites.Target(row, sysId, false, true));
        } else if (entry != null && entry.targetId() != null) {
          // Written before but not found by the lookup: hidden from it (ACL), or deleted since.
          // Updated by sys_id; a 404 then means deleted, and the row is inserted again.
          targets.add(new StagingWrites.Target(row, entry.targetId(), true, true));
        } else {
          targets.add(StagingWrites.Target.insert(row));
        }
      }
    }
    return new Lookup(targets, outage);
  }
}

package io.mlconnector.writer.servicenow.service;

import io.mlconnector.common.tenant.Tenant;
import io.mlconnector.snclient.ServiceNowClient;
import io.mlconnector.snclient.ServiceNowClients;
import io.mlconnector.snclient.error.ServiceNowException;
import io.mlconnector.snclient.model.ServiceNowRecord;
import io.mlconnector.snclient.query.EncodedQuery;
import io.mlconnector.snclient.query.TableQuery;
import io.mlconnector.writer.config.WriterConfig;
import io.mlconnector.writer.servicenow.ledger.LedgerEntry;
import io.mlconnector.writer.servicenow.ledger.StagingClaims;
import io.mlconnector.writer.servicenow.ledger.WriterLedger;
import io.mlconnector.writer.servicenow.metrics.WriterMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Upserts one chunk of staging rows (distinct external ids, one tenant and table) while holding a
 * claim on them ({@link StagingClaims}: a second writer instance with the same records waits): rows
 * older than the version the ledger holds are skipped (versions only move forward), rows whose
 * content hash the ledger already holds as written are skipped; for the rest one lookup query
 * ({@code <idField>IN<ids>}) finds the rows already in ServiceNow (also those written just before a
 * crash or whose insert's answer was lost, which the ledger never saw), then new rows are inserted
 * and known rows updated.
 */
@ApplicationScoped
public class StagingTableWriter {
  private final WriterLedger ledger;
  private final ServiceNowClients clients;
  private final StagingWrites writes;
  private final WriterMetrics metrics;
  private final StagingClaims claims;

  private final boolean naive;

  public StagingTableWriter(
      WriterLedger ledger,
      ServiceNowClients clients,
      StagingWrites writes,
      WriterMetrics metrics,
      StagingClaims claims,
      WriterConfig config) {
    this.naive = config.servicenow().naive();
    this.ledger = ledger;
    this.clients = clients;
    this.writes = writes;
    this.metrics = metrics;
    this.claims = claims;
  }

  public List<RecordOutcome> write(Tenant tenant, String table, List<PlannedRow> chunk) {
    return claims.withClaims(
        tenant.id(),
        table,
        chunk.stream().map(PlannedRow::externalId).toList(),
        () -> writeClaimed(tenant, table, chunk));
  }

  private List<RecordOutcome> writeClaimed(Tenant tenant, String table, List<PlannedRow> chunk) {
    Map<String, LedgerEntry> known =
        ledger.find(tenant.id(), table, chunk.stream().map(PlannedRow::externalId).toList());
    List<RecordOutcome> out = new ArrayList<>();
    List<PlannedRow> pending = new ArrayList<>();
    for (PlannedRow row : chunk) {
      LedgerEntry entry = known.get(row.externalId());
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
      } else {
        pending.add(row);
      }
    }
    if (pending.isEmpty()) {
      return out;
    }
    ServiceNowClient client;
    Map<String, String> existing;
    try {
      client = clients.forTenant(tenant);
      existing = lookup(client, table, pending);
    } catch (ServiceNowException e) {
      String reason = ParkReasons.lookupFailed(table, e);
      pending.forEach(
          row -> out.add(ParkReasons.isDataProblem(e) ? row.parked(reason) : row.failed(reason)));
      return out;
    } catch (RuntimeException e) {
      // Tenant settings the client cannot use (bad URL, missing secret): held, not dropped.
      pending.forEach(row -> out.add(row.failed("ServiceNow client unusable: " + e.getMessage())));
      return out;
    }
    List<StagingWrites.Target> targets = new ArrayList<>();
    for (PlannedRow row : pending) {
      LedgerEntry entry = known.get(row.externalId());
      String sysId = existing.get(row.safeId());
      boolean ledgerOnly = sysId == null && entry != null && entry.targetId() != null;
      if (ledgerOnly) {
        // Written before but not found by the lookup: hidden from it (ACL), or deleted since.
        // Updated by sys_id; a 404 then means deleted, and the row is inserted again.
        sysId = entry.targetId();
      }
      targets.add(new StagingWrites.Target(row, sysId, ledgerOnly));
    }
    out.addAll(writes.apply(client, tenant, table, targets));
    return out;
  }

  private Map<String, String> lookup(ServiceNowClient client, String table, List<PlannedRow> rows) {
    String idField = rows.get(0).command().externalIdField();
    EncodedQuery query =
        EncodedQuery.builder().in(idField, rows.stream().map(PlannedRow::safeId).toList()).build();
    metrics.lookup(client.tenant(), table);
    Map<String, String> bySafeId = new HashMap<>();
    for (ServiceNowRecord r :
        client.queryAll(
            TableQuery.of(table).where(query).fields("sys_id", idField).pageSize(rows.size()))) {
      bySafeId.putIfAbsent(r.get(idField), r.sysId());
    }
    return bySafeId;
  }
}

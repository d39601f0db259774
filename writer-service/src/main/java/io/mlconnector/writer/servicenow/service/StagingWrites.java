package io.mlconnector.writer.servicenow.service;

import io.mlconnector.common.tenant.Tenant;
import io.mlconnector.snclient.ServiceNowClient;
import io.mlconnector.snclient.error.ServiceNowException;
import io.mlconnector.snclient.error.ServiceNowNotFoundException;
import io.mlconnector.snclient.model.BatchWrite;
import io.mlconnector.snclient.model.BatchWriteResult;
import io.mlconnector.snclient.model.ServiceNowRecord;
import io.mlconnector.writer.servicenow.metrics.WriterMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends inserts and updates, in the order given: one Batch API call when the tenant allows it,
 * single Table API calls otherwise. A row ServiceNow refuses for a data reason is parked; a
 * transient failure marks that row and every row not yet sent as failed (they are retried).
 */
@ApplicationScoped
public class StagingWrites {
  /**
   * A row and the sys_id to update, or null to insert; {@code ledgerOnly} when only the ledger knew
   * the sys_id (the lookup did not find it), so a 404 means the row was deleted: insert it again.
   */
  public record Target(PlannedRow row, String sysId, boolean ledgerOnly) {
    Target insteadInsert() {
      return new Target(row, null, false);
    }
  }

  private final WriterMetrics metrics;

  public StagingWrites(WriterMetrics metrics) {
    this.metrics = metrics;
  }

  public List<RecordOutcome> apply(
      ServiceNowClient client, Tenant tenant, String table, List<Target> targets) {
    return tenant.servicenow().batchApi()
        ? viaBatch(client, table, targets)
        : oneByOne(client, table, targets);
  }

  private List<RecordOutcome> oneByOne(ServiceNowClient client, String table, List<Target> given) {
    List<Target> targets = new ArrayList<>(given);
    List<RecordOutcome> out = new ArrayList<>();
    for (int i = 0; i < targets.size(); i++) {
      Target t = targets.get(i);
      try {
        ServiceNowRecord stored =
            t.sysId() == null
                ? client.insert(table, t.row().row())
                : client.update(table, t.sysId(), t.row().row());
        out.add(written(client, table, t, stored.sysId()));
      } catch (ServiceNowNotFoundException e) {
        if (!t.ledgerOnly()) {
          out.add(parked(client, table, t, e));
          continue;
        }
        targets.set(i, t.insteadInsert()); // deleted since: insert again, same position
        i--;
      } catch (ServiceNowException e) {
        if (!ParkReasons.isDataProblem(e)) {
          String error = ParkReasons.writeFailed(table, t.row().externalId(), e);
          targets.subList(i, targets.size()).forEach(rest -> out.add(rest.row().failed(error)));
          return out;
        }
        out.add(parked(client, table, t, e));
      }
    }
    return out;
  }

  private List<RecordOutcome> viaBatch(
      ServiceNowClient client, String table, List<Target> targets) {
    List<BatchWrite> writes = new ArrayList<>();
    for (int i = 0; i < targets.size(); i++) {
      Target t = targets.get(i);
      String id = Integer.toString(i);
      writes.add(
          t.sysId() == null
              ? BatchWrite.insert(id, table, t.row().row())
              : BatchWrite.update(id, table, t.sysId(), t.row().row()));
    }
    List<BatchWriteResult> results;
    try {
      results = client.batch(writes);
    } catch (ServiceNowException e) {
      String error = ParkReasons.writeFailed(table, "(batch)", e);
      return targets.stream()
          .map(
              t ->
                  ParkReasons.isDataProblem(e)
                      ? parked(client, table, t, e)
                      : t.row().failed(error))
          .toList();
    }
    List<RecordOutcome> out = new ArrayList<>();
    List<Target> deleted = new ArrayList<>();
    for (int i = 0; i < targets.size(); i++) {
      Target t = targets.get(i);
      BatchWriteResult r = results.get(i);
      if (!r.succeeded() && t.ledgerOnly() && r.error() instanceof ServiceNowNotFoundException) {
        deleted.add(t.insteadInsert()); // deleted since: inserted again below
      } else if (r.succeeded()) {
        out.add(written(client, table, t, r.record().sysId()));
      } else if (ParkReasons.isDataProblem(r.error())) {
        out.add(parked(client, table, t, r.error()));
      } else {
        out.add(t.row().failed(ParkReasons.writeFailed(table, t.row().externalId(), r.error())));
      }
    }
    if (!deleted.isEmpty()) {
      out.addAll(viaBatch(client, table, deleted));
    }
    return out;
  }

  private RecordOutcome written(ServiceNowClient client, String table, Target t, String sysId) {
    metrics.written(client.tenant(), table, t.sysId() == null ? "insert" : "update");
    return t.row().written(sysId);
  }

  private RecordOutcome parked(
      ServiceNowClient client, String table, Target t, ServiceNowException e) {
    metrics.parked(client.tenant(), table);
    return t.row().parked(ParkReasons.refused(table, t.row().externalId(), t.sysId(), e));
  }
}

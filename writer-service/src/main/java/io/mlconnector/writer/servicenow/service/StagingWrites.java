package io.mlconnector.writer.servicenow.service;

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
 * Sends inserts and updates of one tenant (any of its staging tables), in the order given: in as
 * few Batch API calls as the client's time budget allows when the tenant has the Batch API, single
 * Table API calls otherwise. A row ServiceNow refuses for a data reason is parked; a transient
 * failure marks that row as failed (retried later; with single calls every row not yet sent too).
 */
@ApplicationScoped
public class StagingWrites {
  /**
   * A row and the sys_id to update, or null to insert. {@code ledgerOnly}: only the ledger knew the
   * sys_id, so a 404 means the row is gone; {@code lookedUp}: a lookup just failed to find the row,
   * so it is inserted again at once; otherwise it is looked up first (another row for its external
   * id may exist, e.g. one inserted again before a crash).
   */
  public record Target(PlannedRow row, String sysId, boolean ledgerOnly, boolean lookedUp) {
    static Target insert(PlannedRow row) {
      return new Target(row, null, false, true);
    }

    String table() {
      return row.command().table();
    }
  }

  /**
   * Outcomes, and the ledger-only rows that were gone and have to be looked up before inserting.
   */
  public record Applied(List<RecordOutcome> outcomes, List<Target> vanished) {}

  private final WriterMetrics metrics;

  public StagingWrites(WriterMetrics metrics) {
    this.metrics = metrics;
  }

  public Applied apply(ServiceNowClient client, boolean batchApi, List<Target> targets) {
    Applied applied = new Applied(new ArrayList<>(), new ArrayList<>());
    if (batchApi) {
      viaBatch(client, targets, applied);
    } else {
      oneByOne(client, targets, applied);
    }
    return applied;
  }

  private void oneByOne(ServiceNowClient client, List<Target> given, Applied applied) {
    List<Target> targets = new ArrayList<>(given);
    for (int i = 0; i < targets.size(); i++) {
      Target t = targets.get(i);
      try {
        ServiceNowRecord stored =
            t.sysId() == null
                ? client.insert(t.table(), t.row().row())
                : client.update(t.table(), t.sysId(), t.row().row());
        applied.outcomes().add(written(client, t, stored.sysId()));
      } catch (ServiceNowNotFoundException e) {
        if (!t.ledgerOnly()) {
          applied.outcomes().add(parked(client, t, e));
        } else if (t.lookedUp()) {
          targets.set(i--, Target.insert(t.row())); // deleted since: insert again, same position
        } else {
          applied.vanished().add(t);
        }
      } catch (ServiceNowException e) {
        if (!ParkReasons.isDataProblem(e)) {
          String error = ParkReasons.writeFailed(t.table(), t.row().externalId(), e);
          targets.subList(i, targets.size()).forEach(rest -> failed(applied, rest, error));
          return;
        }
        applied.outcomes().add(parked(client, t, e));
      }
    }
  }

  private void viaBatch(ServiceNowClient client, List<Target> targets, Applied applied) {
    List<BatchWrite> writes = new ArrayList<>();
    for (int i = 0; i < targets.size(); i++) {
      Target t = targets.get(i);
      String id = Integer.toString(i);
      writes.add(
          t.sysId() == null
              ? BatchWrite.insert(id, t.table(), t.row().row())
              : BatchWrite.update(id, t.table(), t.sysId(), t.row().row()));
    }
    List<BatchWriteResult> results = writes.isEmpty() ? List.of() : client.batch(writes);
    List<Target> deleted = new ArrayList<>();
    for (int i = 0; i < targets.size(); i++) {
      Target t = targets.get(i);
      BatchWriteResult r = results.get(i);
      if (!r.succeeded() && t.ledgerOnly() && r.error() instanceof ServiceNowNotFoundException) {
        if (t.lookedUp()) {
          deleted.add(Target.insert(t.row())); // deleted since: inserted again below
        } else {
          applied.vanished().add(t);
        }
      } else if (r.succeeded()) {
        applied.outcomes().add(written(client, t, r.record().sysId()));
      } else if (ParkReasons.isDataProblem(r.error())) {
        applied.outcomes().add(parked(client, t, r.error()));
      } else {
        failed(applied, t, ParkReasons.writeFailed(t.table(), t.row().externalId(), r.error()));
      }
    }
    if (!deleted.isEmpty()) {
      viaBatch(client, deleted, applied);
    }
  }

  private static void failed(Applied applied, Target t, String error) {
    applied.outcomes().add(t.row().failed(error));
  }

  private RecordOutcome written(ServiceNowClient client, Target t, String sysId) {
    metrics.written(client.tenant(), t.table(), t.sysId() == null ? "insert" : "update");
    return t.row().written(sysId);
  }

  private RecordOutcome parked(ServiceNowClient client, Target t, ServiceNowException e) {
    metrics.parked(client.tenant(), t.table());
    return t.row().parked(ParkReasons.refused(t.table(), t.row().externalId(), t.sysId(), e));
  }
}

package io.mlconnector.console.ping.servicenow;

import io.mlconnector.console.ping.report.CheckSink;
import io.mlconnector.console.ping.report.PingCheck;
import io.mlconnector.console.ping.report.PingSystem;
import io.mlconnector.snclient.ServiceNowClient;
import io.mlconnector.snclient.error.ServiceNowAccessDeniedException;
import io.mlconnector.snclient.error.ServiceNowException;
import io.mlconnector.snclient.error.ServiceNowNotFoundException;
import io.mlconnector.snclient.model.ServiceNowRecord;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Proves write permission without changing business data. A visible row gets a PATCH that sends one
 * of its own values back (nothing changes). An empty staging table feeds imports, so it is written
 * only when the operator asks ({@code ?writeProbe=true}): then a probe row marked {@code
 * u_external_id=mlc-ping-<uuid>}, {@code u_erp_source=mlc-ping} is inserted and deleted through the
 * tenant's client (same token, retries and Retry-After handling as every call); a row that could
 * not be deleted fails the check loudly, naming it. Without the opt-in the check is a warning. An
 * outbound invoice table without a visible row gets a PATCH of a record that does not exist: 403
 * proves the role is missing, 404 proves nothing (ServiceNow may answer it either way).
 */
@ApplicationScoped
public class TableWriteProbe {
  static final String PROBE_PREFIX = "mlc-ping-";
  private static final PingSystem SN = PingSystem.SERVICENOW;

  void write(
      ServiceNowClient client,
      ProbedTable t,
      Optional<ServiceNowRecord> visible,
      boolean writeProbe,
      CheckSink sink) {
    String name = "servicenow.table." + t.table() + ".write";
    if (visible.isPresent()) {
      ServiceNowRecord row = visible.get();
      String value = row.get(t.markerColumn()) == null ? "" : row.get(t.markerColumn());
      String tried =
          "PATCH /api/now/table/"
              + t.table()
              + "/"
              + row.sysId()
              + " sending its own "
              + t.markerColumn()
              + " back (no change)";
      try {
        client.update(t.table(), row.sysId(), Map.of(t.markerColumn(), value));
        sink.add(PingCheck.passed(name, SN, tried, "update allowed"));
      } catch (ServiceNowException e) {
        sink.add(PingCheck.failed(name, SN, tried, ServiceNowFixes.forError(e, t), e.getMessage()));
      }
    } else if (t.write() == ProbedTable.WriteProbe.INSERT && writeProbe) {
      insertAndDelete(client, t, name, sink);
    } else if (t.write() == ProbedTable.WriteProbe.INSERT) {
      sink.add(
          PingCheck.warning(
              name,
              SN,
              "nothing (the table is empty and feeds imports; no probe row written)",
              "ping with ?writeProbe=true to insert and remove a probe row, or ping again once a"
                  + " row is visible in "
                  + t.table(),
              "write permission not proven: no visible row to update"));
    } else {
      updateUnknownRecord(client, t, name, sink);
    }
  }

  private static void insertAndDelete(
      ServiceNowClient client, ProbedTable t, String name, CheckSink sink) {
    String marker = PROBE_PREFIX + UUID.randomUUID();
    String tried =
        "POST /api/now/table/"
            + t.table()
            + " of a probe row u_external_id="
            + marker
            + ", then DELETE of it";
    ServiceNowRecord inserted;
    try {
      inserted =
          client.insert(t.table(), Map.of("u_external_id", marker, "u_erp_source", "mlc-ping"));
    } catch (ServiceNowException e) {
      sink.add(PingCheck.failed(name, SN, tried, ServiceNowFixes.forError(e, t), e.getMessage()));
      return;
    }
    String notDeleted = null;
    try {
      client.delete(t.table(), inserted.sysId());
    } catch (ServiceNowNotFoundException gone) {
      // Already gone (an earlier attempt's answer was lost): nothing is left behind.
    } catch (ServiceNowException e) {
      notDeleted = e.getMessage();
    }
    if (notDeleted == null) {
      sink.add(PingCheck.passed(name, SN, tried, "insert allowed; probe row deleted"));
    } else {
      sink.add(
          PingCheck.failed(
              name,
              SN,
              tried,
              "delete the probe row sys_id="
                  + inserted.sysId()
                  + " (u_external_id="
                  + marker
                  + ") from "
                  + t.table()
                  + " by hand before the next import turns it into a record",
              "PROBE ROW LEFT BEHIND: insert allowed, but the probe row could not be removed: "
                  + notDeleted));
    }
  }

  private static void updateUnknownRecord(
      ServiceNowClient client, ProbedTable t, String name, CheckSink sink) {
    String sysId = UUID.randomUUID().toString().replace("-", "");
    String tried =
        "PATCH /api/now/table/" + t.table() + "/" + sysId + " (a record that does not exist)";
    try {
      client.update(t.table(), sysId, Map.of());
      sink.add(PingCheck.passed(name, SN, tried, "update accepted"));
    } catch (ServiceNowAccessDeniedException e) {
      sink.add(PingCheck.failed(name, SN, tried, ServiceNowFixes.forError(e, t), e.getMessage()));
    } catch (ServiceNowNotFoundException e) {
      sink.add(
          PingCheck.warning(
              name,
              SN,
              tried,
              "ping again once a row is visible in "
                  + t.table()
                  + "; status write-back needs "
                  + t.roleAdvice(),
              "write permission not proven: no visible row to update, and ServiceNow answered"
                  + " 404 for an unknown record (it may do so without the role too)"));
    } catch (ServiceNowException e) {
      sink.add(PingCheck.failed(name, SN, tried, ServiceNowFixes.forError(e, t), e.getMessage()));
    }
  }
}

package io.mlconnector.snpoller.rest;

import io.mlconnector.common.http.ApiException;
import io.mlconnector.common.tenant.Tenant;
import io.mlconnector.snpoller.cursor.CursorStore;
import io.mlconnector.snpoller.cursor.PollCursor;
import io.mlconnector.snpoller.poll.TableRun;
import io.mlconnector.snpoller.poll.TenantPollRunner;
import io.mlconnector.snpoller.schedule.PollTargets;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** On-demand polls and poll state per tenant (demo, tests, operators). */
@Path("/polls")
@Produces(MediaType.APPLICATION_JSON)
public class PollResource {
  /** The answer of a run: the receipt sync outcome and one entry per table polled, in order. */
  public record RunReport(String tenant, String receiptSync, List<TableRun> tables) {}

  /** Cursor and last run of one table. */
  public record TableState(PollCursor cursor, TableRun lastRun) {}

  /** Poll state of a tenant by table cursor name. */
  public record TenantState(String tenant, Map<String, TableState> tables) {}

  private final PollTargets targets;
  private final TenantPollRunner runner;
  private final CursorStore cursors;

  public PollResource(PollTargets targets, TenantPollRunner runner, CursorStore cursors) {
    this.targets = targets;
    this.runner = runner;
    this.cursors = cursors;
  }

  /** Polls invoices (after the receipt sync) and dimensions of the tenant now; returns counts. */
  @POST
  @Path("/{tenant}/run")
  public RunReport run(@PathParam("tenant") String tenantId) {
    TenantPollRunner.PollRun run = runner.runAll(pollable(tenantId));
    return new RunReport(tenantId, run.receiptSync(), run.tables());
  }

  @GET
  @Path("/{tenant}")
  public TenantState state(@PathParam("tenant") String tenantId) {
    pollable(tenantId);
    Map<String, TableState> out = new TreeMap<>();
    Map<String, TableRun> runs = runner.lastRuns(tenantId);
    for (PollCursor c : cursors.all(tenantId)) {
      out.put(c.table(), new TableState(c, runs.get(c.table())));
    }
    runs.forEach((table, run) -> out.putIfAbsent(table, new TableState(null, run)));
    return new TenantState(tenantId, out);
  }

  private Tenant pollable(String tenantId) {
    Tenant tenant =
        targets.find(tenantId).orElseThrow(() -> ApiException.notFound("tenant " + tenantId));
    if (!tenant.enabled() || !targets.polledHere(tenantId)) {
      throw ApiException.badRequest(
          "tenant " + tenantId + " is not polled by this instance",
          "enable the tenant in the console, or add it to MLC_TENANTS of this poller");
    }
    return tenant;
  }
}

package io.mlconnector.snpoller.rest;

import io.mlconnector.common.http.auth.ApiScope;
import io.mlconnector.common.http.auth.RequiresScope;
import io.mlconnector.pollercore.cursor.PollCursor;
import io.mlconnector.pollercore.rest.PollStates;
import io.mlconnector.pollercore.schedule.PollTargets;
import io.mlconnector.snpoller.cursor.CursorStore;
import io.mlconnector.snpoller.poll.TableRun;
import io.mlconnector.snpoller.poll.TenantPollRunner;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * On-demand polls and poll state per tenant (demo, tests, operators); the cursor reset is
 * poller-core's {@code CursorResetResource}.
 */
@RequiresScope(ApiScope.READ)
@Path("/polls")
@Produces(MediaType.APPLICATION_JSON)
public class PollResource {
  /** The answer of a run: the receipt sync outcome and one entry per table polled, in order. */
  public record RunReport(String tenant, String receiptSync, List<TableRun> tables) {}

  /**
   * Where the next read of one table starts: every row up to ({@code lastModified}, {@code
   * lastKey}) in keyset order has been published and acknowledged.
   *
   * @param table the table's cursor name
   * @param lastKey the sys_id of the last row, the tie-breaker within {@code lastModified}'s second
   */
  public record TableCursor(String table, Instant lastModified, String lastKey, Instant updatedAt) {
    static TableCursor of(PollCursor c) {
      return c == null
          ? null
          : new TableCursor(c.entity(), c.lastModified(), c.lastKey(), c.updatedAt());
    }
  }

  /** Cursor and last run of one table. */
  public record TableState(TableCursor cursor, TableRun lastRun) {}

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
  @RequiresScope(ApiScope.OPERATE)
  @POST
  @Path("/{tenant}/run")
  public RunReport run(@PathParam("tenant") String tenantId) {
    TenantPollRunner.PollRun run = runner.runAll(targets.pollable(tenantId));
    return new RunReport(tenantId, run.receiptSync(), run.tables());
  }

  @GET
  @Path("/{tenant}")
  public TenantState state(@PathParam("tenant") String tenantId) {
    targets.pollable(tenantId);
    return new TenantState(
        tenantId,
        PollStates.byName(
            cursors.all(tenantId),
            runner.lastRuns(tenantId),
            (cursor, run) -> new TableState(TableCursor.of(cursor), run)));
  }
}

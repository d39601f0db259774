package io.mlconnector.qadpoller.rest;

import io.mlconnector.common.http.auth.ApiScope;
import io.mlconnector.common.http.auth.RequiresScope;
import io.mlconnector.pollercore.cursor.PollCursor;
import io.mlconnector.pollercore.rest.PollStates;
import io.mlconnector.pollercore.schedule.PollTargets;
import io.mlconnector.qadpoller.cursor.CursorStore;
import io.mlconnector.qadpoller.poll.EntityRun;
import io.mlconnector.qadpoller.poll.TenantPollRunner;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
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
  /** The answer of a run: one entry per entity polled, in polling order. */
  public record RunReport(String tenant, List<EntityRun> entities) {}

  /** Cursor and last run of one entity. */
  public record EntityState(PollCursor cursor, EntityRun lastRun) {}

  /** Poll state of a tenant by entity wire name. */
  public record TenantState(String tenant, Map<String, EntityState> entities) {}

  private final PollTargets targets;
  private final TenantPollRunner runner;
  private final CursorStore cursors;

  public PollResource(PollTargets targets, TenantPollRunner runner, CursorStore cursors) {
    this.targets = targets;
    this.runner = runner;
    this.cursors = cursors;
  }

  /** Polls every entity family of the tenant now and returns the counts. */
  @RequiresScope(ApiScope.OPERATE)
  @POST
  @Path("/{tenant}/run")
  public RunReport run(@PathParam("tenant") String tenantId) {
    return new RunReport(tenantId, runner.runAll(targets.pollable(tenantId)));
  }

  @GET
  @Path("/{tenant}")
  public TenantState state(@PathParam("tenant") String tenantId) {
    targets.pollable(tenantId);
    return new TenantState(
        tenantId,
        PollStates.byName(cursors.all(tenantId), runner.lastRuns(tenantId), EntityState::new));
  }
}

package io.mlconnector.qadpoller.rest;

import io.mlconnector.common.http.ApiException;
import io.mlconnector.common.tenant.Tenant;
import io.mlconnector.qadpoller.cursor.CursorStore;
import io.mlconnector.qadpoller.cursor.PollCursor;
import io.mlconnector.qadpoller.poll.EntityRun;
import io.mlconnector.qadpoller.poll.TenantPollRunner;
import io.mlconnector.qadpoller.schedule.PollTargets;
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
  @POST
  @Path("/{tenant}/run")
  public RunReport run(@PathParam("tenant") String tenantId) {
    return new RunReport(tenantId, runner.runAll(pollable(tenantId)));
  }

  @GET
  @Path("/{tenant}")
  public TenantState state(@PathParam("tenant") String tenantId) {
    pollable(tenantId);
    Map<String, EntityState> out = new TreeMap<>();
    Map<String, EntityRun> runs = runner.lastRuns(tenantId);
    for (PollCursor c : cursors.all(tenantId)) {
      out.put(c.entity(), new EntityState(c, runs.get(c.entity())));
    }
    runs.forEach((entity, run) -> out.putIfAbsent(entity, new EntityState(null, run)));
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

package io.mlconnector.qadpoller.rest;

import io.mlconnector.common.event.EntityType;
import io.mlconnector.common.http.ApiException;
import io.mlconnector.common.http.auth.ApiScope;
import io.mlconnector.common.http.auth.RequiresScope;
import io.mlconnector.common.tenant.Tenant;
import io.mlconnector.pollercore.cursor.PollCursor;
import io.mlconnector.pollercore.rest.PollStates;
import io.mlconnector.pollercore.schedule.PollTargets;
import io.mlconnector.qadpoller.cursor.CursorStore;
import io.mlconnector.qadpoller.poll.EntityFamily;
import io.mlconnector.qadpoller.poll.EntityRun;
import io.mlconnector.qadpoller.poll.TenantPollRunner;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** On-demand polls and poll state per tenant (demo, tests, operators). */
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

  /** Cursors reset: their next poll re-reads from {@code since} and re-sends what it reads. */
  public record ResetReport(String tenant, List<String> entities, Instant since) {}

  /**
   * Resets the cursor of one entity ({@code entity}, a wire name) or of all, to {@code since}
   * (ISO-8601) or to the start: the next poll re-sends every record it reads, even unchanged ones.
   */
  @RequiresScope(ApiScope.OPERATE)
  @POST
  @Path("/{tenant}/reset")
  public ResetReport reset(
      @PathParam("tenant") String tenantId,
      @QueryParam("entity") String entity,
      @QueryParam("since") String since) {
    Tenant tenant = targets.pollable(tenantId);
    List<EntityType> entities = entity == null ? allEntities() : List.of(entityNamed(entity));
    Instant from = since == null ? null : instant(since);
    runner.reset(tenant, entities, from);
    return new ResetReport(tenantId, entities.stream().map(EntityType::wireName).toList(), from);
  }

  private static List<EntityType> allEntities() {
    return Arrays.stream(EntityFamily.values()).flatMap(f -> f.entities().stream()).toList();
  }

  private static EntityType entityNamed(String name) {
    return allEntities().stream()
        .filter(e -> e.wireName().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                ApiException.badRequest(
                    "unknown QAD entity " + name,
                    "use one of " + allEntities().stream().map(EntityType::wireName).toList()));
  }

  private static Instant instant(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(
          "since is not an ISO-8601 instant: " + text, "e.g. since=2025-01-31T06:00:00Z");
    }
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

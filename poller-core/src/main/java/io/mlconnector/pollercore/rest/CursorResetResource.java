package io.mlconnector.pollercore.rest;

import io.mlconnector.common.http.ApiException;
import io.mlconnector.common.http.auth.ApiScope;
import io.mlconnector.common.http.auth.RequiresScope;
import io.mlconnector.common.tenant.Tenant;
import io.mlconnector.pollercore.cursor.CursorStore;
import io.mlconnector.pollercore.run.TenantPolls;
import io.mlconnector.pollercore.schedule.PollTargets;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /polls/{tenant}/reset?entity=…&since=…}, the same in both pollers: moves the cursors
 * of one entity (all without {@code entity}) back to {@code since} (the start without it) and
 * forgets the entity's published versions, so the next poll re-sends every record it reads,
 * unchanged ones included (a downstream stage lost data, a new consumer needs everything). It waits
 * for a running poll of the tenant, so none commits a page over the reset.
 */
@RequiresScope(ApiScope.OPERATE)
@Path("/polls/{tenant}/reset")
@Produces(MediaType.APPLICATION_JSON)
public class CursorResetResource {
  /** Entities reset (wire names): their next poll re-reads from {@code since} and re-sends. */
  public record ResetReport(String tenant, List<String> entities, Instant since) {}

  private final PollTargets targets;
  private final TenantPolls<?, ?, ?> polls;
  private final CursorStore cursors;

  public CursorResetResource(PollTargets targets, TenantPolls<?, ?, ?> polls, CursorStore cursors) {
    this.targets = targets;
    this.polls = polls;
    this.cursors = cursors;
  }

  @POST
  public ResetReport reset(
      @PathParam("tenant") String tenantId,
      @QueryParam("entity") String entity,
      @QueryParam("since") String since) {
    Tenant tenant = targets.pollable(tenantId);
    Map<String, List<String>> all = polls.cursorsByEntity();
    Map<String, List<String>> chosen =
        entity == null ? all : Map.of(entity, cursorsOf(all, entity));
    Instant from = since == null ? null : instant(since);
    polls.betweenPolls(
        tenant, () -> chosen.forEach((e, names) -> cursors.reset(tenantId, e, names, from)));
    return new ResetReport(tenantId, List.copyOf(chosen.keySet()), from);
  }

  private List<String> cursorsOf(Map<String, List<String>> all, String entity) {
    List<String> names = all.get(entity);
    if (names == null) {
      throw ApiException.badRequest(
          "unknown " + polls.system() + " entity " + entity, "use one of " + all.keySet());
    }
    return names;
  }

  private static Instant instant(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(
          "since is not an ISO-8601 instant: " + text, "e.g. since=2025-01-31T06:00:00Z");
    }
  }
}

package io.mlconnector.console.parked;

import io.mlconnector.common.event.TenantId;
import io.mlconnector.common.http.ApiException;
import io.mlconnector.common.http.auth.ApiScope;
import io.mlconnector.common.http.auth.RequiresScope;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Parked records of a tenant and their replay. */
@RequiresScope(ApiScope.READ)
@Path("/parked/{tenant}")
@Produces(MediaType.APPLICATION_JSON)
public class ParkedResource {
  private final ParkedStore store;
  private final ParkedReplay replay;

  public ParkedResource(ParkedStore store, ParkedReplay replay) {
    this.store = store;
    this.replay = replay;
  }

  @GET
  @Operation(
      summary =
          "Records parked by the mapper or writer, latest parking of each, newest first, with why;"
              + " ?resolved=true adds the ones already replayed")
  public List<ParkedRecord.View> list(
      @PathParam("tenant") String tenant, @QueryParam("resolved") boolean withResolved) {
    return store.list(valid(tenant), withResolved).stream().map(ParkedRecord::view).toList();
  }

  @RequiresScope(ApiScope.OPERATE)
  @POST
  @Path("/replay")
  @Operation(summary = "Send a parked record back to the stage that parked it, after a fix")
  public Map<String, String> replay(
      @PathParam("tenant") String tenant,
      @QueryParam("entity") String entity,
      @QueryParam("sourceId") String sourceId) {
    if (entity == null || sourceId == null) {
      throw ApiException.badRequest(
          "entity and sourceId are required", "e.g. ?entity=supplier-invoice&sourceId=<sys_id>");
    }
    return Map.of("replayedTo", replay.replay(valid(tenant), entity, sourceId));
  }

  private static String valid(String tenant) {
    if (!TenantId.isValid(tenant)) {
      throw ApiException.badRequest("invalid tenant id '" + tenant + "'", null);
    }
    return tenant;
  }
}

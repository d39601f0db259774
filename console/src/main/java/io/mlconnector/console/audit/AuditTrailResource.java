package io.mlconnector.console.audit;

import io.mlconnector.common.event.TenantId;
import io.mlconnector.common.http.ApiException;
import io.mlconnector.common.http.auth.ApiScope;
import io.mlconnector.common.http.auth.RequiresScope;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** One record's way through the fleet, queried by its external id. */
@RequiresScope(ApiScope.READ)
@Path("/audit/{tenant}/{externalId}")
@Produces(MediaType.APPLICATION_JSON)
public class AuditTrailResource {
  private final FleetAuditTrail trail;

  public AuditTrailResource(FleetAuditTrail trail) {
    this.trail = trail;
  }

  @GET
  @Operation(
      summary =
          "Every stage a record passed in every service (polled, received, mapped, written,"
              + " skipped, parked, failed), oldest first")
  public List<FleetAuditTrail.Row> trail(
      @PathParam("tenant") String tenant, @PathParam("externalId") String externalId) {
    if (!TenantId.isValid(tenant)) {
      throw ApiException.badRequest("invalid tenant id '" + tenant + "'", null);
    }
    return trail.of(tenant, externalId);
  }
}

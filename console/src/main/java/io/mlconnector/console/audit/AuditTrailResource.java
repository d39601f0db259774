package io.mlconnector.console.audit;

import io.mlconnector.common.event.TenantId;
import io.mlconnector.common.http.ApiException;
import io.mlconnector.common.http.auth.ApiScope;
import io.mlconnector.common.http.auth.RequiresScope;
import io.mlconnector.console.status.InvoiceQueue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** One record's way through the fleet, queried by its external id. */
@RequiresScope(ApiScope.READ)
@Path("/audit/{tenant}")
@Produces(MediaType.APPLICATION_JSON)
public class AuditTrailResource {
  private final FleetAuditTrail trail;
  private final InvoiceQueue invoices;

  public AuditTrailResource(FleetAuditTrail trail, InvoiceQueue invoices) {
    this.trail = trail;
    this.invoices = invoices;
  }

  @GET
  @Operation(
      summary =
          "Search: the trail of the record whose external id, ServiceNow invoice number or QAD"
              + " voucher is q (an invoice's trail is kept under its ServiceNow sys_id)")
  public List<FleetAuditTrail.Row> search(
      @PathParam("tenant") String tenant, @QueryParam("q") String q) {
    if (q == null || q.isBlank()) {
      throw ApiException.badRequest("q is required", "an external id, invoice number or voucher");
    }
    List<FleetAuditTrail.Row> rows = trail(tenant, q.trim());
    if (!rows.isEmpty()) {
      return rows;
    }
    List<FleetAuditTrail.Row> out = new ArrayList<>();
    for (String sysId : invoices.sysIdsOf(tenant, q.trim())) {
      out.addAll(trail.of(tenant, sysId));
    }
    return out;
  }

  @GET
  @Path("/{externalId}")
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

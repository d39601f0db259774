package io.mlconnector.console.status;

import io.mlconnector.common.event.TenantId;
import io.mlconnector.common.http.ApiException;
import io.mlconnector.common.http.auth.ApiScope;
import io.mlconnector.common.http.auth.RequiresScope;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The fleet's state per tenant, for the page and {@code ./mlc status}. */
@RequiresScope(ApiScope.READ)
@Path("/status")
@Produces(MediaType.APPLICATION_JSON)
public class StatusResource {
  /** Records per minute per stage over the last hour; {@code stages} hold 60 counts each. */
  public record Throughput(OffsetDateTime from, Map<String, long[]> stages) {}

  private final FleetStatus status;
  private final StageActivity activity;
  private final InvoiceQueue invoices;

  public StatusResource(FleetStatus status, StageActivity activity, InvoiceQueue invoices) {
    this.status = status;
    this.activity = activity;
    this.invoices = invoices;
  }

  @GET
  @Operation(summary = "Every tenant: cursors, records behind, stages, parked, invoices, health")
  public List<TenantStatus> all() {
    return status.of(null);
  }

  @GET
  @Path("/{tenant}")
  @Operation(summary = "One tenant's figures")
  public TenantStatus one(@PathParam("tenant") String tenant) {
    return status.of(valid(tenant)).stream()
        .findFirst()
        .orElseThrow(() -> ApiException.notFound("tenant " + tenant));
  }

  @GET
  @Path("/{tenant}/throughput")
  @Operation(summary = "Records per minute per stage over the last hour, oldest minute first")
  public Throughput throughput(@PathParam("tenant") String tenant) {
    OffsetDateTime from = OffsetDateTime.now().truncatedTo(ChronoUnit.MINUTES).minusMinutes(59);
    Map<String, long[]> stages = new TreeMap<>();
    for (StageActivity.MinuteCount m : activity.perMinute(valid(tenant))) {
      int i = (int) ChronoUnit.MINUTES.between(from, m.minute());
      if (i >= 0 && i < 60) {
        stages.computeIfAbsent(m.stage(), s -> new long[60])[i] += m.records();
      }
    }
    return new Throughput(from, stages);
  }

  @GET
  @Path("/{tenant}/invoices")
  @Operation(
      summary = "The writer's invoices of one status (AWAITING_RECEIPT, POSTED, FAILED, REJECTED)")
  public List<InvoiceQueue.Invoice> invoices(
      @PathParam("tenant") String tenant,
      @QueryParam("status") @DefaultValue("AWAITING_RECEIPT") String status,
      @QueryParam("limit") @DefaultValue("200") int limit) {
    if (!InvoiceQueue.STATUSES.contains(status)) {
      throw ApiException.badRequest(
          "unknown status " + status, "one of " + new java.util.TreeSet<>(InvoiceQueue.STATUSES));
    }
    return invoices.list(valid(tenant), status, Math.max(1, Math.min(limit, 1000)));
  }

  private static String valid(String tenant) {
    if (!TenantId.isValid(tenant)) {
      throw ApiException.badRequest("invalid tenant id '" + tenant + "'", null);
    }
    return tenant;
  }
}

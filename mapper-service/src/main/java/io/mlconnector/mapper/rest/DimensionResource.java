package io.mlconnector.mapper.rest;

import io.mlconnector.common.event.TenantId;
import io.mlconnector.common.http.ApiException;
import io.mlconnector.common.http.auth.ApiScope;
import io.mlconnector.common.http.auth.RequiresScope;
import io.mlconnector.mapper.dimension.AlignmentReport;
import io.mlconnector.mapper.dimension.Dimension;
import io.mlconnector.mapper.dimension.DimensionStore;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The per-tenant ServiceNow → QAD dimension mapping (used when codes differ between the two
 * systems) and the alignment report.
 */
@RequiresScope(ApiScope.READ)
@Path("/dimensions/{tenant}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DimensionResource {
  /** Body of a mapping write. */
  public record MappingBody(String qadCode) {}

  private final DimensionStore store;
  private final AlignmentReport report;

  public DimensionResource(DimensionStore store, AlignmentReport report) {
    this.store = store;
    this.report = report;
  }

  @GET
  @Path("/mappings")
  public Map<String, Map<String, String>> mappings(@PathParam("tenant") String tenant) {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    for (Dimension d : Dimension.values()) {
      out.put(d.wireName(), store.mappings(tenant(tenant), d));
    }
    return out;
  }

  @RequiresScope(ApiScope.OPERATE)
  @PUT
  @Path("/mappings/{dimension}/{servicenowCode}")
  public MappingBody put(
      @PathParam("tenant") String tenant,
      @PathParam("dimension") String dimension,
      @PathParam("servicenowCode") String servicenowCode,
      MappingBody body) {
    if (body == null || body.qadCode() == null || body.qadCode().isBlank()) {
      throw ApiException.badRequest("qadCode is required", "send {\"qadCode\":\"CC100\"}");
    }
    if (body.qadCode().length() > 255 || servicenowCode.length() > 255) {
      throw ApiException.badRequest("codes are limited to 255 characters", null);
    }
    String t = tenant(tenant);
    Dimension d = dimension(dimension);
    String qadCode = body.qadCode().trim();
    requireInQad(t, d, qadCode);
    store.putMapping(t, d, servicenowCode, qadCode);
    return body;
  }

  /**
   * A mapping to a code QAD does not have (or has deactivated) would park every invoice line it
   * touches: refused at save time. Before the QAD catalog of the dimension has been synced for the
   * tenant there is nothing to check against, so the mapping is kept and the alignment report shows
   * it once the catalog arrives.
   */
  private void requireInQad(String tenant, Dimension d, String qadCode) {
    Map<String, Boolean> catalog = store.codes(DimensionStore.Side.QAD, tenant, d);
    if (catalog.isEmpty()) {
      return;
    }
    Boolean active = catalog.get(qadCode);
    if (active == null || !active) {
      throw new ApiException(
          400,
          "unknown-qad-code",
          "qadCode "
              + qadCode
              + (active == null ? " does not exist" : " is inactive")
              + " in QAD's "
              + d.wireName()
              + " catalog for tenant "
              + tenant,
          "map to an active QAD code; GET /dimensions/"
              + tenant
              + "/alignment lists the QAD codes nothing maps to yet");
    }
  }

  @RequiresScope(ApiScope.OPERATE)
  @DELETE
  @Path("/mappings/{dimension}/{servicenowCode}")
  public void delete(
      @PathParam("tenant") String tenant,
      @PathParam("dimension") String dimension,
      @PathParam("servicenowCode") String servicenowCode) {
    if (!store.deleteMapping(tenant(tenant), dimension(dimension), servicenowCode)) {
      throw ApiException.notFound("mapping for " + servicenowCode);
    }
  }

  @GET
  @Path("/alignment")
  public Map<String, AlignmentReport.Gaps> alignment(@PathParam("tenant") String tenant) {
    return report.build(tenant(tenant));
  }

  private static String tenant(String tenant) {
    if (!TenantId.isValid(tenant)) {
      throw ApiException.badRequest("invalid tenant id '" + tenant + "'", null);
    }
    return tenant;
  }

  private static Dimension dimension(String name) {
    try {
      return Dimension.fromWireName(name);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage(), null);
    }
  }
}

package io.mlconnector.console.ping.rest;

import io.mlconnector.common.http.ApiError;
import io.mlconnector.common.http.auth.ApiScope;
import io.mlconnector.common.http.auth.RequiresScope;
import io.mlconnector.console.ping.report.PingReport;
import io.mlconnector.console.ping.service.PingService;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The onboarding ping: can the connector do its work with this tenant's settings and roles? */
@RequiresScope(ApiScope.OPERATE)
@Path("/tenants/{id}/ping")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "tenants")
public class PingResource {
  private final PingService service;

  public PingResource(PingService service) {
    this.service = service;
  }

  @POST
  @Blocking
  @Operation(
      summary = "Check a tenant's QAD and ServiceNow access",
      description =
          "Per-check report: token, workspace, each QAD browse, each ServiceNow table read and"
              + " write, URL rules. ready=false when any check FAILED. Writes nothing lasting:"
              + " writes are no-change PATCHes; an empty staging table (which feeds imports)"
              + " gets an insert-and-delete probe only with writeProbe=true, and a probe row"
              + " that could not be deleted fails the check.")
  @APIResponse(
      responseCode = "200",
      description = "the report, also when checks failed",
      content = @Content(schema = @Schema(implementation = PingReport.class)))
  @APIResponse(
      responseCode = "404",
      description = "unknown tenant",
      content = @Content(schema = @Schema(implementation = ApiError.class)))
  public PingReport ping(@PathParam("id") String id, @QueryParam("writeProbe") boolean writeProbe) {
    return service.ping(id, writeProbe);
  }
}

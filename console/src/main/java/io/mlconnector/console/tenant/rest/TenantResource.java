package io.mlconnector.console.tenant.rest;

import io.mlconnector.common.http.ApiError;
import io.mlconnector.common.http.auth.ApiScope;
import io.mlconnector.common.http.auth.RequiresScope;
import io.mlconnector.console.tenant.service.TenantService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The tenant registry: operators add customers here; pollers and writers read it. */
@RequiresScope(ApiScope.ADMIN)
@Path("/tenants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "tenants", description = "Tenant registry; secrets are write-only")
@APIResponse(
    responseCode = "401",
    description = "missing or wrong bearer token",
    content = @Content(schema = @Schema(implementation = ApiError.class)))
@APIResponse(
    responseCode = "503",
    description = "no API token configured (MLC_CONSOLE_API_TOKEN)",
    content = @Content(schema = @Schema(implementation = ApiError.class)))
public class TenantResource {
  private final TenantService service;

  public TenantResource(TenantService service) {
    this.service = service;
  }

  @POST
  @Operation(summary = "Register a tenant", description = "Secrets are encrypted at rest.")
  @APIResponse(
      responseCode = "201",
      description = "created",
      content = @Content(schema = @Schema(implementation = TenantView.class)))
  @APIResponse(
      responseCode = "400",
      description = "invalid id, field, URL (the rule broken is named) or JSON",
      content = @Content(schema = @Schema(implementation = ApiError.class)))
  @APIResponse(
      responseCode = "409",
      description = "a tenant with this id exists",
      content = @Content(schema = @Schema(implementation = ApiError.class)))
  public Response create(TenantRequest request) {
    TenantView created = service.create(request);
    return Response.created(URI.create("/tenants/" + created.id())).entity(created).build();
  }

  @RequiresScope(ApiScope.READ)
  @GET
  @Operation(summary = "List tenants, enabled or not")
  public List<TenantView> list() {
    return service.list();
  }

  @RequiresScope(ApiScope.READ)
  @GET
  @Path("/{id}")
  @Operation(summary = "One tenant")
  @APIResponse(responseCode = "200", description = "the tenant")
  @APIResponse(
      responseCode = "404",
      description = "unknown tenant",
      content = @Content(schema = @Schema(implementation = ApiError.class)))
  public TenantView get(@PathParam("id") String id) {
    return service.get(id);
  }

  @PUT
  @Path("/{id}")
  @Operation(
      summary = "Change a tenant's settings",
      description =
          "All settings are replaced; an absent password or clientSecret keeps the stored one.")
  @APIResponse(responseCode = "200", description = "the changed tenant")
  @APIResponse(
      responseCode = "404",
      description = "unknown tenant",
      content = @Content(schema = @Schema(implementation = ApiError.class)))
  public TenantView update(@PathParam("id") String id, TenantRequest request) {
    return service.update(id, request);
  }

  @POST
  @Path("/{id}/disable")
  @Operation(summary = "Stop polling and writing for a tenant (settings are kept)")
  public TenantView disable(@PathParam("id") String id) {
    return service.setEnabled(id, false);
  }

  @POST
  @Path("/{id}/enable")
  @Operation(summary = "Resume a disabled tenant")
  public TenantView enable(@PathParam("id") String id) {
    return service.setEnabled(id, true);
  }

  @DELETE
  @Path("/{id}")
  @Operation(summary = "Remove a tenant and its secrets")
  @APIResponse(responseCode = "204", description = "deleted")
  public Response delete(@PathParam("id") String id) {
    service.delete(id);
    return Response.noContent().build();
  }
}

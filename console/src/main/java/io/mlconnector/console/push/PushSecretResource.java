package io.mlconnector.console.push;

import io.mlconnector.common.http.auth.ApiScope;
import io.mlconnector.common.http.auth.RequiresScope;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The shared secret a tenant's ServiceNow Business Rule signs push notifications with (optional:
 * without it the tenant is polled only).
 */
@RequiresScope(ApiScope.ADMIN)
@Path("/tenants/{id}/push-secret")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "push", description = "Push notifications from ServiceNow: the tenant's secret")
public class PushSecretResource {
  private final PushSecrets secrets;

  public PushSecretResource(PushSecrets secrets) {
    this.secrets = secrets;
  }

  @POST
  @Operation(
      summary = "Generate or rotate the push secret",
      description = "The secret is in this answer only; store it in the ServiceNow instance.")
  public Response generate(@PathParam("id") String tenant) {
    return Response.status(201)
        .header("Cache-Control", "no-store")
        .entity(secrets.generate(tenant))
        .build();
  }

  @GET
  @RequiresScope(ApiScope.READ)
  @Operation(summary = "Whether push is configured (never the secret)")
  public PushSecrets.Status status(@PathParam("id") String tenant) {
    return secrets.status(tenant);
  }

  @DELETE
  @Operation(summary = "Remove the push secret: notifications are refused, polling goes on")
  public Response remove(@PathParam("id") String tenant) {
    secrets.remove(tenant);
    return Response.noContent().build();
  }
}

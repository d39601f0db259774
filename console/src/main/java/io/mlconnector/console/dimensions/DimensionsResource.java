package io.mlconnector.console.dimensions;

import io.mlconnector.common.event.TenantId;
import io.mlconnector.common.http.ApiException;
import io.mlconnector.common.http.auth.ApiScope;
import io.mlconnector.common.http.auth.RequiresScope;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The mapper's alignment report and mapping writes, relayed for the page: the page may only call
 * its own origin (CSP), and the operator's token is passed on, so the mapper applies its own scope
 * rules and names the same operator. The mapper's answer, errors included, is returned as is; no
 * answer at all is a 502.
 */
@RequiresScope(ApiScope.READ)
@Path("/dimensions/{tenant}")
@Produces(MediaType.APPLICATION_JSON)
public class DimensionsResource {
  private final MapperConfig config;
  private final MapperDimensionsApi mapper;

  public DimensionsResource(MapperConfig config, @RestClient MapperDimensionsApi mapper) {
    this.config = config;
    this.mapper = mapper;
  }

  @GET
  @Path("/alignment")
  @Operation(summary = "The mapper's dimension alignment report (codes missing on either side)")
  public Response alignment(
      @PathParam("tenant") String tenant, @HeaderParam(HttpHeaders.AUTHORIZATION) String auth) {
    String id = valid(tenant);
    return relay(() -> mapper.alignment(id, auth));
  }

  @RequiresScope(ApiScope.OPERATE)
  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Path("/mappings/{dimension}/{servicenowCode}")
  @Operation(summary = "Map a ServiceNow code to a QAD code (refused unless QAD has it, active)")
  public Response put(
      @PathParam("tenant") String tenant,
      @PathParam("dimension") String dimension,
      @PathParam("servicenowCode") String code,
      @HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
      String body) {
    String id = valid(tenant);
    return relay(() -> mapper.putMapping(id, dimension, code, auth, body == null ? "" : body));
  }

  private Response relay(Supplier<Response> call) {
    if (config.url().isEmpty()) {
      throw new ApiException(
          503,
          "mapper-url-not-configured",
          "the console does not know the mapper-service",
          "set MLC_CONSOLE_MAPPER_URL");
    }
    try (Response answer = call.get()) {
      String body = answer.hasEntity() ? answer.readEntity(String.class) : "";
      return Response.status(answer.getStatus())
          .type(MediaType.APPLICATION_JSON)
          .entity(body)
          .build();
    } catch (ProcessingException e) {
      throw new ApiException(
          502, "mapper-unreachable", "the mapper-service did not answer: " + rootCause(e), null);
    }
  }

  private static String rootCause(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName()
        + (root.getMessage() == null ? "" : " " + root.getMessage());
  }

  private static String valid(String tenant) {
    if (!TenantId.isValid(tenant)) {
      throw ApiException.badRequest("invalid tenant id '" + tenant + "'", null);
    }
    return tenant;
  }
}

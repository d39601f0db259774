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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The mapper's alignment report and mapping writes, relayed for the page: the page may only call
 * its own origin (CSP), and the operator's token is passed on, so the mapper applies its own scope
 * rules and names the same operator. The mapper's answer, errors included, is returned as is.
 */
@RequiresScope(ApiScope.READ)
@Path("/dimensions/{tenant}")
@Produces(MediaType.APPLICATION_JSON)
public class DimensionsResource {
  private static final Duration TIMEOUT = Duration.ofSeconds(15);
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final MapperConfig config;

  public DimensionsResource(MapperConfig config) {
    this.config = config;
  }

  @GET
  @Path("/alignment")
  @Operation(summary = "The mapper's dimension alignment report (codes missing on either side)")
  public Response alignment(
      @PathParam("tenant") String tenant, @HeaderParam(HttpHeaders.AUTHORIZATION) String auth) {
    return relay(
        HttpRequest.newBuilder().GET(), "/dimensions/" + valid(tenant) + "/alignment", auth);
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
    String path =
        "/dimensions/" + valid(tenant) + "/mappings/" + encode(dimension) + "/" + encode(code);
    return relay(
        HttpRequest.newBuilder()
            .header("Content-Type", MediaType.APPLICATION_JSON)
            .PUT(HttpRequest.BodyPublishers.ofString(body == null ? "" : body)),
        path,
        auth);
  }

  private Response relay(HttpRequest.Builder request, String path, String auth) {
    String base =
        config
            .url()
            .orElseThrow(
                () ->
                    new ApiException(
                        503,
                        "mapper-url-not-configured",
                        "the console does not know the mapper-service",
                        "set MLC_CONSOLE_MAPPER_URL"));
    try {
      HttpResponse<String> r =
          http.send(
              request
                  .uri(URI.create(base.replaceAll("/+$", "") + path))
                  .header(HttpHeaders.AUTHORIZATION, auth)
                  .timeout(TIMEOUT)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return Response.status(r.statusCode())
          .type(MediaType.APPLICATION_JSON)
          .entity(r.body())
          .build();
    } catch (IOException e) {
      throw new ApiException(
          502, "mapper-unreachable", "the mapper-service did not answer: " + e, null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException(503, "interrupted", "interrupted", null);
    }
  }

  private static String encode(String part) {
    return URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String valid(String tenant) {
    if (!TenantId.isValid(tenant)) {
      throw ApiException.badRequest("invalid tenant id '" + tenant + "'", null);
    }
    return tenant;
  }
}

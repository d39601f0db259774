package io.mlconnector.console.dimensions;

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
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * mapper-service's dimension endpoints as far as {@link DimensionsResource} relays them. One base
 * URL for the whole console ({@code mlc.console.mapper.url}: this deployment's mapper-service), so
 * a declarative client configured under {@code quarkus.rest-client.mapper.*} (redirects off,
 * timeouts, no default exception mapper: a refusal of the mapper is an answer to pass on, not an
 * exception). Answers are returned unread; path parameters are encoded by the client.
 */
@RegisterRestClient(configKey = "mapper")
@Path("/dimensions/{tenant}")
@Produces(MediaType.APPLICATION_JSON)
interface MapperDimensionsApi {
  /**
   * @param authorization the operator's {@code Authorization} header, passed on as it came
   */
  @GET
  @Path("/alignment")
  Response alignment(
      @PathParam("tenant") String tenant,
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

  /**
   * @param body the operator's JSON body, passed on as it came
   */
  @PUT
  @Path("/mappings/{dimension}/{servicenowCode}")
  @Consumes(MediaType.APPLICATION_JSON)
  Response putMapping(
      @PathParam("tenant") String tenant,
      @PathParam("dimension") String dimension,
      @PathParam("servicenowCode") String servicenowCode,
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      String body);
}

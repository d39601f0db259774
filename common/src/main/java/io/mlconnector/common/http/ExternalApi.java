package io.mlconnector.common.http;

import io.quarkus.rest.client.reactive.Url;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The Quarkus REST Client interface {@link ExternalHttp} sends through: one method per HTTP verb,
 * the absolute URI per call ({@link Url}: both systems hand out whole URIs, e.g. ServiceNow's
 * {@code next} links, with queries already encoded), the bearer token per call (the attempt must
 * know which token a 401 rejected). Both systems speak JSON only. A {@link Response} is returned
 * unread, so {@link ExternalHttp} streams its body up to the size limit.
 */
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface ExternalApi {
  @GET
  Response get(@Url String uri, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

  @DELETE
  Response delete(@Url String uri, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

  @POST
  Response post(
      @Url String uri, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, byte[] body);

  @PUT
  Response put(
      @Url String uri, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, byte[] body);

  @PATCH
  Response patch(
      @Url String uri, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, byte[] body);
}

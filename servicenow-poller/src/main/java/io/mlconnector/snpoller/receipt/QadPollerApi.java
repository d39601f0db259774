package io.mlconnector.snpoller.receipt;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * qad-poller's operator API as far as the receipt sync needs it. One base URL for the whole service
 * ({@code mlc.servicenow.receipt-sync-url}: this deployment's qad-poller), so a declarative client
 * configured under {@code quarkus.rest-client.receipt-sync.*} (redirects off, timeouts).
 */
@RegisterRestClient(configKey = "receipt-sync")
@Path("/polls")
public interface QadPollerApi {
  /**
   * Polls every QAD entity family of the tenant now and waits for it. The answer is qad-poller's
   * run report; only its status matters here.
   *
   * @param authorization {@code Bearer <operate token>}, or null to send none
   */
  @POST
  @Path("/{tenant}/run")
  Response run(
      @PathParam("tenant") String tenant,
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);
}

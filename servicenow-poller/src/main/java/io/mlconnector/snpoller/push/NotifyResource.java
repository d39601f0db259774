package io.mlconnector.snpoller.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlconnector.common.http.ApiError;
import io.mlconnector.common.http.ApiException;
import io.mlconnector.common.http.auth.OwnAuthentication;
import io.mlconnector.common.tenant.Tenant;
import io.mlconnector.snpoller.config.PushSettings;
import io.mlconnector.snpoller.config.ServiceNowPollerConfig;
import io.mlconnector.snpoller.poll.PollFamily;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code POST /notify/{tenant}}: a tenant's ServiceNow says "this row changed, poll now". It is
 * authenticated by the tenant's HMAC signature, not by an operator token: the caller is the
 * customer's instance, which must never hold a token that can run or read the fleet, and whose
 * secret only lets it ask for a poll of its own tenant. The payload is never trusted: it only names
 * the table whose family is polled from the cursor, as a scheduled poll would.
 */
@Path("/notify")
@Produces(MediaType.APPLICATION_JSON)
public class NotifyResource {
  /** What was done with an accepted notification. */
  public record Accepted(String outcome) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final NotificationGate gate;
  private final PushPolls polls;
  private final NotifiedTables tables;
  private final PushSettings settings;

  public NotifyResource(
      NotificationGate gate,
      PushPolls polls,
      NotifiedTables tables,
      ServiceNowPollerConfig config) {
    this.gate = gate;
    this.polls = polls;
    this.tables = tables;
    this.settings = config.servicenow().push();
  }

  @POST
  @Path("/{tenant}")
  @Consumes(MediaType.WILDCARD)
  @OwnAuthentication("per-tenant HMAC-SHA256 signature of timestamp and body")
  public Response notify(
      @PathParam("tenant") String tenantId,
      @HeaderParam(PushSignature.TIMESTAMP_HEADER) String timestamp,
      @HeaderParam(PushSignature.SIGNATURE_HEADER) String signature,
      @HeaderParam("Content-Length") Long length,
      InputStream in)
      throws IOException {
    if (length != null && length > settings.maxBodyBytes()) {
      throw tooLarge();
    }
    byte[] body = in == null ? new byte[0] : in.readNBytes(settings.maxBodyBytes() + 1);
    if (body.length > settings.maxBodyBytes()) {
      throw tooLarge();
    }
    Tenant tenant =
        gate.admit(tenantId, timestamp, signature, body)
            .orElseThrow(
                () ->
                    new ApiException(
                        401,
                        "unauthorized",
                        "notification not authenticated",
                        "sign timestamp.body with the tenant's push secret, timestamp within "
                            + settings.maxAge().toMinutes()
                            + " minutes (see the servicenow-poller push documentation)"));
    PollFamily family = family(body);
    PushPolls.Outcome outcome = polls.notified(tenant, family, signature);
    if (outcome == PushPolls.Outcome.RATE_LIMITED) {
      long retryAfter = Math.max(1, (long) Math.ceil(60.0 / settings.perTenantPerMinute()));
      return Response.status(429)
          .header("Retry-After", retryAfter)
          .entity(
              new ApiError(
                  429,
                  "rate-limited",
                  "too many notifications for this tenant",
                  "nothing is lost: the scheduled poll reads every change"))
          .build();
    }
    return Response.accepted(
            new Accepted(outcome.name().toLowerCase(Locale.ROOT).replace('_', '-')))
        .build();
  }

  /** The family of the table the notification names; the rest of the body is ignored. */
  private PollFamily family(byte[] body) {
    JsonNode node;
    try {
      node = JSON.readTree(body);
    } catch (IOException e) {
      node = null;
    }
    String table = node == null || !node.isObject() ? null : node.path("table").asText(null);
    Optional<PollFamily> family = tables.familyOf(table);
    if (family.isEmpty()) {
      throw ApiException.badRequest(
          "the body must be JSON naming a polled table: {\"table\": …, \"sys_id\": …}",
          "polled tables: " + tables.polled());
    }
    return family.get();
  }

  private static ApiException tooLarge() {
    return new ApiException(
        413,
        "payload-too-large",
        "a notification body is at most a few hundred bytes",
        "send only {table, sys_id, sys_updated_on}");
  }
}

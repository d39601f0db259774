package io.mlconnector.console.ping.servicenow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlconnector.common.tenant.Tenant;
import io.mlconnector.common.tenant.TenantUrlPolicy;
import io.mlconnector.console.config.ConsoleConfig;
import io.mlconnector.snclient.http.InstancePaths;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Deletes the row the write probe inserted into a staging table. servicenow-client has no DELETE
 * (the fleet never deletes), so this one call is made here: its own client-credentials token for
 * the same tenant, then {@code DELETE /api/now/table/{table}/{sys_id}}. Both URLs are built under
 * the tenant's instance URL. Remove once the client offers a delete.
 */
@ApplicationScoped
public class ProbeRowRemover {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Duration timeout;
  private final HttpClient http;

  public ProbeRowRemover(ConsoleConfig config) {
    this.timeout = config.ping().requestTimeout();
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /**
   * @return null when the row is gone, else why it could not be deleted (never a secret)
   */
  public String delete(Tenant tenant, String table, String sysId) {
    Tenant.ServiceNow sn = tenant.servicenow();
    InstancePaths paths = new InstancePaths(sn.instanceUrl());
    try {
      String form =
          "grant_type=client_credentials&client_id="
              + encode(sn.clientId())
              + "&client_secret="
              + encode(sn.clientSecret().reveal());
      URI tokenUri = TenantUrlPolicy.resolveEntityPath(paths.base(), "oauth_token.do");
      HttpResponse<String> token =
          send(
              HttpRequest.newBuilder(tokenUri)
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(form)));
      JsonNode body = token.statusCode() == 200 ? JSON.readTree(token.body()) : null;
      if (body == null || !body.path("access_token").isTextual()) {
        return "token request for the DELETE answered " + token.statusCode();
      }
      HttpResponse<String> deleted =
          send(
              HttpRequest.newBuilder(paths.record(table, sysId))
                  .header("Authorization", "Bearer " + body.path("access_token").asText())
                  .DELETE());
      return deleted.statusCode() / 100 == 2
          ? null
          : "DELETE answered " + deleted.statusCode() + " " + abbreviate(deleted.body());
    } catch (IOException | RuntimeException e) {
      return "DELETE failed: " + e.getClass().getSimpleName();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "DELETE interrupted";
    }
  }

  private HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return http.send(
        request.timeout(timeout).header("Accept", "application/json").build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String abbreviate(String body) {
    return body == null ? "" : body.length() > 200 ? body.substring(0, 200) + "…" : body;
  }
}

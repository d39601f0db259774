package io.mlconnector.qadclient.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.mlconnector.common.auth.TenantTokens;
import io.mlconnector.common.retry.TryAgain;
import io.mlconnector.common.tenant.Tenant;
import io.mlconnector.qadclient.QadAuthException;
import io.mlconnector.qadclient.QadClientSettings;
import io.mlconnector.qadclient.QadUnavailableException;
import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.OidcClientException;
import io.quarkus.oidc.client.OidcClients;
import io.quarkus.oidc.client.runtime.OidcClientConfig;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A tenant's QAD token through quarkus-oidc-client: the password grant at {@code
 * {base}/oauth/token} with the tenant's client id and service account, redirects off (a redirected
 * grant would carry the password to wherever it points), cached and renewed by common's {@link
 * TenantTokens} at {@code tokenRefreshRatio} of the token's lifetime.
 */
public final class QadTokens {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Id prefix of the QAD OIDC clients ({@link QadTokenAnswers} keeps their failed answers). */
  static final String CLIENT_PREFIX = "qad-";

  private static final AtomicLong CLIENTS = new AtomicLong();

  private QadTokens() {}

  /** The tenant's own OIDC client (close it with the QAD client). */
  public static OidcClient oidcClient(
      OidcClients clients, String tenant, Tenant.Qad qad, URI tokenUri, QadClientSettings s) {
    String password = qad.password() == null ? "" : qad.password().reveal();
    OidcClientConfig config =
        OidcClientConfig.builder()
            .id(CLIENT_PREFIX + tenant + "-" + CLIENTS.incrementAndGet())
            .authServerUrl(tokenUri.resolve("/").toString().replaceAll("/$", ""))
            .discoveryEnabled(false)
            .tokenPath(tokenUri.toString())
            .clientId(qad.clientId())
            .grant(OidcClientConfig.Grant.Type.PASSWORD)
            .grantOptions("password", Map.of("username", qad.username(), "password", password))
            .connectionTimeout(s.connectTimeout())
            .followRedirects(false)
            .build();
    return clients.newClient(config).await().atMost(s.requestTimeout());
  }

  /**
   * A failed grant in QAD's error types, judged by the answer {@link QadTokenAnswers} kept. QAD's
   * OAuth errors (a JSON {@code error}) and other 4xx are auth errors with a hint, and a redirect
   * is one too: it is not followed (it would carry the password elsewhere), the URL needs fixing. A
   * 429 or 5xx, or no answer, is the token endpoint not being available: the call that needed the
   * token has not been sent, so its guard (common's CallGuard) tries again with its backoff,
   * honouring {@code Retry-After}, and counts an outage against the tenant's breaker when it gives
   * up.
   */
  public record Failures(String tenant, Tenant.Qad qad, URI tokenUri)
      implements TenantTokens.Failures {
    @Override
    public RuntimeException refused(OidcClientException e) {
      JsonNode answer = json(e.getMessage());
      int status = answer.path("status").asInt(0);
      String body = answer.has("status") ? answer.path("body").asText("") : text(e.getMessage());
      String error = errorCode(body);
      String where = tokenUri.getPath();
      if (error != null) {
        return loginRefused(error);
      }
      if (status == 429) {
        return TryAgain.throttled(
            Optional.ofNullable(answer.path("retryAfter").textValue()),
            n -> gaveUp("the token endpoint " + where + " still throttled (429)", n, e));
      }
      if (status == 404) {
        return new QadAuthException(
            tenant,
            "login endpoint not found (HTTP 404 at " + where + ")",
            "check the tenant's QAD URL: it is the base that oauth/token and api/… are under");
      }
      if (status >= 300 && status < 400) {
        return new QadAuthException(
            tenant,
            "the token endpoint "
                + where
                + " redirected (HTTP "
                + status
                + " to "
                + answer.path("location").asText("?")
                + "), which is not followed",
            "check the tenant's QAD URL: it must point at QAD itself, not at a login page");
      }
      if (status >= 400 && status < 500) {
        return new QadAuthException(
            tenant, "login refused (HTTP " + status + ")", "check the tenant's QAD URL");
      }
      String why =
          "the token endpoint "
              + where
              + " issued no token"
              + (status == 0 ? "" : " (HTTP " + status + ")")
              + (body.isBlank() ? "" : ": " + abbreviate(body));
      return TryAgain.notSent(n -> gaveUp(why, n, e));
    }

    private QadAuthException loginRefused(String error) {
      String hint =
          switch (error) {
            case "invalid_client" -> "the client id '" + qad.clientId() + "' is not known to QAD";
            case "invalid_grant" ->
                "QAD refused user '" + qad.username() + "': check the username and password";
            default -> "check the tenant's QAD URL and credentials";
          };
      return new QadAuthException(tenant, "login refused (" + error + ")", hint);
    }

    @Override
    public RuntimeException unreachable(RuntimeException e) {
      String why = "the token endpoint " + tokenUri.getPath() + " issued no token (" + e + ")";
      return TryAgain.notSent(n -> gaveUp(why, n, e));
    }

    private QadUnavailableException gaveUp(String why, int attempts, Throwable cause) {
      return new QadUnavailableException(
          tenant, why + " (gave up after " + attempts + " attempt(s))", cause);
    }

    private static String errorCode(String body) {
      JsonNode error = json(body).path("error");
      return error.isTextual() && !error.asText().isBlank() ? error.asText() : null;
    }

    private static JsonNode json(String text) {
      try {
        return JSON.readTree(text(text));
      } catch (IOException | RuntimeException notJson) {
        return MissingNode.getInstance();
      }
    }

    private static String text(String message) {
      return message == null ? "" : message;
    }

    private static String abbreviate(String body) {
      String line = body.replaceAll("\\s+", " ").trim();
      return line.length() <= 200 ? line : line.substring(0, 200) + "…";
    }
  }
}

package io.mlconnector.console.api;

import io.mlconnector.common.http.ApiError;
import io.mlconnector.console.config.ConsoleConfig;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * Guards every REST endpoint of the console (tenants, admin): the caller must present the
 * deployment's API token as a bearer token. Health, metrics, OpenAPI and the static page are served
 * outside JAX-RS and stay open. Without a configured token the API refuses everything rather than
 * running open.
 */
// Application-scoped: REST providers are built at static init, before runtime config exists; the
// client proxy defers reading the token to the first request.
@ApplicationScoped
@Provider
@Priority(Priorities.AUTHENTICATION)
public class ApiTokenFilter implements ContainerRequestFilter {
  private static final String BEARER = "bearer ";

  private final Optional<byte[]> expectedDigest;

  public ApiTokenFilter(ConsoleConfig config) {
    this.expectedDigest = config.apiToken().filter(t -> !t.isBlank()).map(ApiTokenFilter::sha256);
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (expectedDigest.isEmpty()) {
      request.abortWith(
          error(
              503,
              "api-token-not-configured",
              "the console API is disabled: no API token is configured",
              "set MLC_CONSOLE_API_TOKEN (from a deployment secret) and restart the console"));
      return;
    }
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      request.abortWith(
          unauthorized(
              "missing bearer token", "send Authorization: Bearer <MLC_CONSOLE_API_TOKEN>"));
      return;
    }
    // Comparing digests keeps the comparison constant-time and independent of the token length.
    byte[] given = sha256(header.substring(BEARER.length()).trim());
    if (!MessageDigest.isEqual(given, expectedDigest.get())) {
      request.abortWith(
          unauthorized("invalid bearer token", "use the value of MLC_CONSOLE_API_TOKEN"));
    }
  }

  private static Response unauthorized(String message, String hint) {
    return Response.fromResponse(error(401, "unauthorized", message, hint))
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"ml-connector console\"")
        .build();
  }

  private static Response error(int status, String code, String message, String hint) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(new ApiError(status, code, message, hint))
        .build();
  }

  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JVM", e);
    }
  }
}

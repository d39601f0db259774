package io.mlconnector.common.http.auth;

import io.mlconnector.common.http.ApiError;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The one operator-API authentication of every service: each JAX-RS endpoint needs a bearer token
 * of {@link ApiTokens} whose scope covers the endpoint's {@link RequiresScope} (admin when the
 * endpoint has none), except a method marked {@link OwnAuthentication}. Health, metrics and OpenAPI
 * are served outside JAX-RS and stay open. Runs after matching, so a bad token gets the same 401
 * whatever tenant the path names. Without any configured token the API refuses everything (503)
 * rather than running open.
 */
// Application-scoped: REST providers are built at static init, before runtime config exists; the
// client proxy defers reading the tokens to the first request.
@ApplicationScoped
@Provider
@Priority(Priorities.AUTHENTICATION)
public class ApiAuthFilter implements ContainerRequestFilter {
  private static final Logger LOG = Logger.getLogger(ApiAuthFilter.class);
  private static final String BEARER = "bearer ";
  private static final String HINT =
      "send Authorization: Bearer <token> with a token of MLC_API_TOKENS";

  private final ApiTokens tokens;
  private final ResourceInfo resource;
  private final CurrentCaller current;

  public ApiAuthFilter(ApiTokens tokens, ResourceInfo resource, CurrentCaller current) {
    this.tokens = tokens;
    this.resource = resource;
    this.current = current;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    Method target = resource.getResourceMethod();
    if (target != null && target.isAnnotationPresent(OwnAuthentication.class)) {
      return; // authenticated by the endpoint itself, never by an operator token
    }
    ApiTokenSet valid = tokens.current();
    if (valid.isEmpty()) {
      request.abortWith(
          error(
              503,
              "api-token-not-configured",
              "the operator API is disabled: no API token is configured",
              "set MLC_API_TOKENS or MLC_API_TOKENS_FILE (from a deployment secret)"));
      return;
    }
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      request.abortWith(unauthorized("missing bearer token"));
      return;
    }
    Optional<ApiCaller> caller = valid.match(header.substring(BEARER.length()).trim());
    if (caller.isEmpty()) {
      request.abortWith(unauthorized("invalid bearer token"));
      return;
    }
    ApiScope needed = needed();
    String method = request.getMethod();
    String path = request.getUriInfo().getPath();
    if (!caller.get().scope().covers(needed)) {
      LOG.warnf(
          "operator %s (%s) refused: %s %s needs %s",
          caller.get().name(), caller.get().scope().wireName(), method, path, needed.wireName());
      request.abortWith(
          Response.fromResponse(
                  error(
                      403,
                      "insufficient-scope",
                      "this call needs a token with scope " + needed.wireName(),
                      "the token '"
                          + caller.get().name()
                          + "' has scope "
                          + caller.get().scope().wireName()))
              .header(
                  HttpHeaders.WWW_AUTHENTICATE,
                  "Bearer error=\"insufficient_scope\", scope=\"" + needed.wireName() + "\"")
              .build());
      return;
    }
    current.set(caller.get());
    if (!"GET".equals(method) && !"HEAD".equals(method)) {
      LOG.infof("operator %s: %s %s", caller.get().name(), method, path);
    }
  }

  private ApiScope needed() {
    Method method = resource.getResourceMethod();
    RequiresScope onMethod = method == null ? null : method.getAnnotation(RequiresScope.class);
    if (onMethod != null) {
      return onMethod.value();
    }
    Class<?> type = resource.getResourceClass();
    RequiresScope onClass = type == null ? null : type.getAnnotation(RequiresScope.class);
    return onClass != null ? onClass.value() : ApiScope.ADMIN;
  }

  private static Response unauthorized(String message) {
    return Response.fromResponse(error(401, "unauthorized", message, HINT))
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"ml-connector\"")
        .build();
  }

  private static Response error(int status, String code, String message, String hint) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(new ApiError(status, code, message, hint))
        .build();
  }
}

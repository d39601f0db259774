package io.mlconnector.console.api;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The OpenAPI header: every operation needs an operator bearer token (scope read, operate or
 * admin).
 */
@OpenAPIDefinition(
    info = @Info(title = "ml-connector console API", version = "1"),
    security = @SecurityRequirement(name = ConsoleApiDefinition.API_TOKEN))
@SecurityScheme(
    securitySchemeName = ConsoleApiDefinition.API_TOKEN,
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    description = "A token of MLC_API_TOKENS whose scope covers the operation")
public class ConsoleApiDefinition extends Application {
  public static final String API_TOKEN = "apiToken";
}

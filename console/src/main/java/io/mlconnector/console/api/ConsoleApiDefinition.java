package io.mlconnector.console.api;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The OpenAPI header: every operation needs the console's bearer token. */
@OpenAPIDefinition(
    info = @Info(title = "ml-connector console API", version = "1"),
    security = @SecurityRequirement(name = ConsoleApiDefinition.API_TOKEN))
@SecurityScheme(
    securitySchemeName = ConsoleApiDefinition.API_TOKEN,
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    description = "The value of MLC_CONSOLE_API_TOKEN")
public class ConsoleApiDefinition extends Application {
  public static final String API_TOKEN = "apiToken";
}

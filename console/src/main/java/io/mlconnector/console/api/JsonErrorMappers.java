package io.mlconnector.console.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.mlconnector.common.http.ApiError;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns request bodies Jackson cannot read into {@link ApiError}s. Messages are built from the
 * field path and expected type only, never from Jackson's own message, which quotes the offending
 * value (that value may be a password typed into the wrong field).
 */
public class JsonErrorMappers {

  @ServerExceptionMapper
  public Response unreadableField(MismatchedInputException e) {
    String field = path(e);
    if (e instanceof UnrecognizedPropertyException unknown) {
      String known =
          unknown.getKnownPropertyIds().stream()
              .map(Object::toString)
              .sorted()
              .collect(Collectors.joining(", "));
      return badRequest(
          "unknown-field", "unknown field '" + field + "'", "fields allowed here: " + known);
    }
    String type = e.getTargetType() == null ? "another type" : e.getTargetType().getSimpleName();
    return badRequest(
        "invalid-field",
        "field '" + field + "' has the wrong type: expected " + type,
        "see the TenantRequest schema at /q/openapi");
  }

  /** Syntax errors arrive wrapped; anything else keeps its own response. */
  @ServerExceptionMapper
  public Response unparsableBody(WebApplicationException e) {
    if (e.getCause() instanceof JsonProcessingException json && json.getLocation() != null) {
      return badRequest(
          "malformed-json",
          "request body is not valid JSON (line "
              + json.getLocation().getLineNr()
              + ", column "
              + json.getLocation().getColumnNr()
              + ")",
          "send a JSON object with Content-Type: application/json");
    }
    return e.getResponse();
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }

  private static Response badRequest(String code, String message, String hint) {
    return Response.status(400)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(new ApiError(400, code, message, hint))
        .build();
  }
}

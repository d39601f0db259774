package io.mlconnector.common.http;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Renders {@link ApiException} as an {@link ApiError} body in every service. */
@Provider
public class ApiExceptionMapper implements ExceptionMapper<ApiException> {
  @Override
  public Response toResponse(ApiException exception) {
    return Response.status(exception.error().status())
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(exception.error())
        .build();
  }
}

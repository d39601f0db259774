package io.mlconnector.common.http;

/** Thrown by services to answer with an {@link ApiError}; mapped by {@link ApiExceptionMapper}. */
public class ApiException extends RuntimeException {
  private final ApiError error;

  public ApiException(int status, String code, String message, String hint) {
    super(message);
    this.error = new ApiError(status, code, message, hint);
  }

  public ApiError error() {
    return error;
  }

  public static ApiException notFound(String what) {
    return new ApiException(404, "not-found", what + " not found", null);
  }

  public static ApiException badRequest(String message, String hint) {
    return new ApiException(400, "bad-request", message, hint);
  }
}

package io.mlconnector.sandbox.servicenow.api;

import io.mlconnector.sandbox.http.SimResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The documented error body {@code {"error":{"message","detail"},"status":"failure"}}; the status
 * code is only in the status line. Messages follow what instances send.
 */
public final class ApiErrors {
  private ApiErrors() {}

  public static SimResponse error(int status, String message, String detail) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("message", message);
    error.put("detail", detail);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", error);
    body.put("status", "failure");
    return Json.response(status, body);
  }

  public static SimResponse notAuthenticated() {
    return error(401, "User Not Authenticated", "Required to provide Auth information")
        .withHeader("WWW-Authenticate", "BASIC realm=\"Service-now\"");
  }

  public static SimResponse noRecord() {
    return error(
        404, "No Record found", "Record doesn't exist or ACL restricts the record retrieval");
  }

  public static SimResponse invalidTable(String table) {
    return error(400, "Invalid table " + table, null);
  }

  /** 403 for a write the user's roles do not allow; {@code operation} is Insert/Update/Delete. */
  public static SimResponse aclWriteDenied(String operation) {
    return error(
        403,
        "Operation Failed",
        "ACL Exception " + operation + " Failed due to security constraints");
  }

  public static SimResponse aclReadDenied(String table) {
    return error(
        403, "User Not Authorized", "Not sufficient rights to read records of table " + table);
  }

  public static SimResponse invalidJson() {
    return error(400, "Exception while reading request", "The payload is not valid JSON.");
  }

  public static SimResponse rateLimited(int limit, String api, long retryAfterSeconds) {
    return error(
            429,
            "Rate limit exceeded",
            "Rate limit of " + limit + " requests per hour for " + api + " exceeded")
        .withHeader("Retry-After", String.valueOf(retryAfterSeconds));
  }

  /** What a load balancer or a hibernating instance answers: an HTML page, not JSON. */
  public static SimResponse htmlPage(int status) {
    String html =
        "<!DOCTYPE html><html><head><title>ServiceNow</title></head><body>"
            + "<h1>Your instance is hibernating</h1><p>Status "
            + status
            + ". Please try again later.</p></body></html>";
    return SimResponse.text(status, "text/html;charset=UTF-8", html);
  }
}

package io.mlconnector.snclient.error;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** Maps a non-2xx ServiceNow answer ({@code {"error":{"message","detail"},"status":"failure"}}). */
public final class ServiceNowErrors {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ServiceNowErrors() {}

  /**
   * The typed error for a failed call.
   *
   * @param what the request in words, e.g. {@code POST table/sn_fcms_intg_imp_supplier}
   */
  public static ServiceNowException of(String what, int status, String body) {
    String message = null;
    String detail = null;
    if (looksLikeHtml(body)) {
      return new ServiceNowUnavailableException(
          what + " answered " + status + " with an HTML page instead of JSON", status, null);
    }
    if (looksLikeJson(body)) {
      try {
        JsonNode error = JSON.readTree(body).path("error");
        message = textOrNull(error.path("message"));
        detail = textOrNull(error.path("detail"));
      } catch (IOException garbled) {
        // Fall through to the status-only message below.
      }
    }
    String text = what + " failed: " + status + describe(message, detail);
    return switch (status) {
      case 401 -> new ServiceNowAuthException(text, status, detail, null);
      case 403 -> new ServiceNowAccessDeniedException(text, detail);
      case 404 -> new ServiceNowNotFoundException(text, detail);
      default ->
          status >= 500 || status == 429 || status == 408
              ? new ServiceNowUnavailableException(text, status, null)
              : new ServiceNowRejectedException(text, status, detail);
    };
  }

  static boolean looksLikeJson(String body) {
    return body != null && body.stripLeading().startsWith("{");
  }

  /** An HTML document where JSON was promised (hibernation pages, proxies, login redirects). */
  public static boolean looksLikeHtml(String body) {
    if (body == null) {
      return false;
    }
    String start = body.stripLeading();
    return start.startsWith("<");
  }

  private static String describe(String message, String detail) {
    if (message == null) {
      return "";
    }
    return " " + message + (detail == null || detail.isBlank() ? "" : " (" + detail + ")");
  }

  private static String textOrNull(JsonNode node) {
    return node.isTextual() ? node.asText() : null;
  }
}

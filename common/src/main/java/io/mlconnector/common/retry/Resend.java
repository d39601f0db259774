package io.mlconnector.common.retry;

import java.util.Locale;

/**
 * Whether a request may be sent again after an attempt whose outcome is unknown (no answer, a 5xx,
 * an unreadable 2xx): part of every call's type, so no transport decides it case by case.
 */
public enum Resend {
  /** Sending it twice has the effect of sending it once: GET, HEAD, PUT, PATCH, DELETE. */
  ALLOWED,
  /**
   * A POST that creates something: sent at most once. When its outcome is unknown the caller gets a
   * typed "outcome unknown" error and looks the record up before sending again.
   */
  NEVER;

  /**
   * The rule by HTTP method. PATCH counts as idempotent here because both systems' PATCH sets the
   * given fields to the given values (no increments), so a second one changes nothing.
   */
  public static Resend of(String method) {
    return switch (method.toUpperCase(Locale.ROOT)) {
      case "GET", "HEAD", "OPTIONS", "PUT", "PATCH", "DELETE" -> ALLOWED;
      default -> NEVER;
    };
  }
}

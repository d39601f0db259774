package io.mlconnector.common.http.auth;

import java.util.Locale;

/**
 * What an operator token may do. Scopes are ordered: {@code admin} covers {@code operate}, which
 * covers {@code read}.
 */
public enum ApiScope {
  /** Look: lists, states, reports, the audit trail. */
  READ,
  /** Act on the flow: run a poll, change a dimension mapping, replay a parked record, ping. */
  OPERATE,
  /** Change the fleet: tenants and their credentials, key rotation. */
  ADMIN;

  public boolean covers(ApiScope needed) {
    return compareTo(needed) >= 0;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code read}, {@code operate} or {@code admin}. */
  public static ApiScope fromWireName(String name) {
    for (ApiScope s : values()) {
      if (s.wireName().equals(name.trim().toLowerCase(Locale.ROOT))) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "unknown API scope '" + name + "' (one of read, operate, admin)");
  }
}

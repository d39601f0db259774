package io.mlconnector.console.tenant.service;

import io.mlconnector.common.http.ApiException;
import io.quarkus.runtime.configuration.DurationConverter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Poll cadences: the keys the pollers know, and durations as Quarkus reads them (ISO-8601, seconds,
 * or {@code 5m}-style).
 */
final class ScheduleDurations {
  static final List<String> KEYS =
      List.of(
          "qad.suppliers",
          "qad.purchase-orders",
          "qad.receipts",
          "qad.dimensions",
          "servicenow.invoices",
          "servicenow.dimensions");

  private ScheduleDurations() {}

  /** Validates and normalises to ISO-8601, the form common's TenantRows reads. */
  static Map<String, String> normalise(Map<String, String> schedules) {
    Map<String, String> out = new LinkedHashMap<>();
    if (schedules == null) {
      return out;
    }
    schedules.forEach(
        (key, value) -> {
          if (!KEYS.contains(key)) {
            throw ApiException.badRequest(
                "unknown schedule key '" + key + "'", "schedule keys: " + String.join(", ", KEYS));
          }
          Duration d = parse(key, value);
          if (d.compareTo(Duration.ofSeconds(1)) < 0) {
            throw ApiException.badRequest(
                "schedule '" + key + "' must be at least 1 second", "e.g. \"5m\" or \"PT5M\"");
          }
          out.put(key, d.toString());
        });
    return out;
  }

  /** Quarkus' own duration syntax, so a schedule reads like every other duration setting. */
  private static Duration parse(String key, String value) {
    String v = value == null ? "" : value.trim();
    try {
      Duration d = v.isEmpty() ? null : DurationConverter.parseDuration(v);
      if (d != null) {
        return d;
      }
    } catch (IllegalArgumentException e) {
      // reported below with the accepted forms
    }
    throw ApiException.badRequest(
        "schedule '" + key + "' is not a duration: '" + v + "'",
        "use ISO-8601 (PT5M), a number of seconds (300) or a number with ms, s, m, h or d (5m)");
  }
}

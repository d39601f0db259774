package io.mlconnector.console.tenant.service;

import io.mlconnector.common.http.ApiException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Poll cadences: the keys the pollers know, and durations as ISO-8601 or {@code 5m}-style. */
final class ScheduleDurations {
  static final List<String> KEYS =
      List.of(
          "qad.suppliers",
          "qad.purchase-orders",
          "qad.receipts",
          "qad.dimensions",
          "servicenow.invoices",
          "servicenow.dimensions");

  private static final Pattern SHORT = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");

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

  private static Duration parse(String key, String value) {
    String v = value == null ? "" : value.trim();
    Matcher m = SHORT.matcher(v.toLowerCase(java.util.Locale.ROOT));
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofDays(n);
      };
    }
    try {
      return Duration.parse(v);
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(
          "schedule '" + key + "' is not a duration: '" + v + "'",
          "use ISO-8601 (PT5M) or a number with ms, s, m, h or d (5m)");
    }
  }
}

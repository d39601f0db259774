package io.mlconnector.sandbox.qad;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * How a QAD field is stored, compared in browse filters and written to JSON. Filter values arrive
 * as text, so each type knows how to parse one.
 */
public enum QadFieldType {
  STRING,
  INTEGER,
  DECIMAL,
  BOOLEAN,
  /** A calendar date, {@code yyyy-MM-dd}. */
  DATE,
  /** A UTC instant with second precision, {@code yyyy-MM-ddTHH:mm:ssZ}. */
  TIMESTAMP;

  /** Parses filter text or coerces a JSON scalar; {@code null} stays {@code null}. */
  public Object parse(Object raw) {
    if (raw == null) {
      return null;
    }
    String text = raw.toString().trim();
    return switch (this) {
      case STRING -> raw.toString();
      case INTEGER -> Integer.valueOf(text);
      case DECIMAL -> new BigDecimal(text);
      case BOOLEAN -> text.equalsIgnoreCase("true") || text.equalsIgnoreCase("yes");
      case DATE -> LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
      case TIMESTAMP ->
          text.length() == 10
              ? LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC)
              : Instant.parse(text);
    };
  }

  /** The JSON form: numbers and booleans as such, dates and instants as ISO-8601 text. */
  public Object toJson(Object value) {
    if (value == null) {
      return null;
    }
    return switch (this) {
      case DATE, TIMESTAMP -> value.toString();
      default -> value;
    };
  }
}

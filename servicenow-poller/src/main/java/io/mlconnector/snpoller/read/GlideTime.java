package io.mlconnector.snpoller.read;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * ServiceNow's {@code glide_date_time} as the Table API returns it without display values: {@code
 * yyyy-MM-dd HH:mm:ss} in UTC, one-second precision. The integration user must keep UTC as its time
 * zone, or query values would be read in another zone than the values returned.
 */
public final class GlideTime {
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private GlideTime() {}

  public static Instant parse(String value) {
    return LocalDateTime.parse(value, FORMAT).toInstant(ZoneOffset.UTC);
  }

  public static String format(Instant instant) {
    return FORMAT.format(instant.atOffset(ZoneOffset.UTC));
  }
}

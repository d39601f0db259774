package io.mlconnector.common.event;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Orders the {@code sourceVersion}s pollers publish: {@code <modified time>#<content hash>}, the
 * time as an ISO instant (QAD) or as ServiceNow's {@code yyyy-MM-dd HH:mm:ss} in UTC. Two versions
 * are ordered only by their times; the same time with another hash (two saves in one second) cannot
 * be ordered and counts as neither older nor newer, so the caller treats it as a change.
 */
public final class SourceVersion {
  private static final DateTimeFormatter GLIDE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private SourceVersion() {}

  /** The modification time of a version, when it has one this class can read. */
  public static Optional<Instant> modifiedAt(String version) {
    if (version == null) {
      return Optional.empty();
    }
    int hash = version.indexOf('#');
    String time = (hash < 0 ? version : version.substring(0, hash)).trim();
    try {
      return Optional.of(Instant.parse(time));
    } catch (DateTimeParseException notIso) {
      try {
        return Optional.of(LocalDateTime.parse(time, GLIDE).toInstant(ZoneOffset.UTC));
      } catch (DateTimeParseException notGlide) {
        return Optional.empty();
      }
    }
  }

  /** True only when both versions have times and {@code candidate}'s is earlier. */
  public static boolean isOlder(String candidate, String known) {
    return compare(candidate, known) < 0;
  }

  /** True only when both versions have times and {@code candidate}'s is later. */
  public static boolean isNewer(String candidate, String known) {
    return compare(candidate, known) > 0;
  }

  private static int compare(String a, String b) {
    Optional<Instant> ta = modifiedAt(a);
    Optional<Instant> tb = modifiedAt(b);
    return ta.isPresent() && tb.isPresent() ? ta.get().compareTo(tb.get()) : 0;
  }
}

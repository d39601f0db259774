package io.mlconnector.writer.servicenow.service;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The form of an external id that can stand in an encoded query. Most ids are used as they are. An
 * id that would break {@code u_external_idINa,b,c} ({@code ^ , =}, a control character such as a
 * line break, surrounding blanks, longer than 255 chars) or that already starts with the marker is
 * stored and looked up as {@code b64:} + unpadded base64url of its UTF-8 bytes, which is reversible
 * and contains none of those characters. The ledger and the audit trail keep the raw id.
 */
public final class QuerySafeExternalId {
  public static final String MARKER = "b64:";
  static final int MAX_RAW_LENGTH = 255;

  private QuerySafeExternalId() {}

  public static String of(String raw) {
    return needsEncoding(raw)
        ? MARKER
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(raw.getBytes(StandardCharsets.UTF_8))
        : raw;
  }

  /** The raw id of a value read from the external id column. */
  public static String raw(String stored) {
    return stored.startsWith(MARKER)
        ? new String(
            Base64.getUrlDecoder().decode(stored.substring(MARKER.length())),
            StandardCharsets.UTF_8)
        : stored;
  }

  static boolean needsEncoding(String raw) {
    return raw.length() > MAX_RAW_LENGTH
        || raw.startsWith(MARKER)
        || !raw.equals(raw.strip())
        || raw.chars().anyMatch(c -> c == '^' || c == ',' || c == '=' || Character.isISOControl(c));
  }
}

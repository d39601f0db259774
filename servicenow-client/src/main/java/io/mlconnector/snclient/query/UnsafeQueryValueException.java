package io.mlconnector.snclient.query;

/**
 * A value cannot be put into an encoded query without changing the query's meaning ({@code ^}
 * starts a new condition, a newline ends it, a comma splits an IN list, a blank matches empty
 * fields, {@code javascript:} runs a script). ServiceNow has no escape syntax, so such values are
 * refused rather than spliced in.
 */
public class UnsafeQueryValueException extends IllegalArgumentException {
  private final String field;

  public UnsafeQueryValueException(String field, String value, String reason) {
    super("value " + quote(value) + " for field '" + field + "' is not query-safe: " + reason);
    this.field = field;
  }

  public String field() {
    return field;
  }

  private static String quote(String value) {
    String shown = value.length() > 80 ? value.substring(0, 80) + "…" : value;
    StringBuilder out = new StringBuilder("'");
    shown
        .codePoints()
        .forEach(
            c -> {
              if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c)); // never a raw control character in logs
              } else {
                out.appendCodePoint(c);
              }
            });
    return out.append("'").toString();
  }
}

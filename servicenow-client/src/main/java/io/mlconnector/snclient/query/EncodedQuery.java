package io.mlconnector.snclient.query;

import java.util.Collection;
import java.util.regex.Pattern;

/**
 * A ServiceNow encoded query ({@code sysparm_query}) built from checked parts. Field names must be
 * plain column names. Values are rejected with {@link UnsafeQueryValueException} when ServiceNow
 * would read them as something else than data: {@code ^} or (inside IN lists) a comma are query
 * syntax that silently ignores or widens the query; control characters end or corrupt it; a blank
 * value or IN-list entry makes the condition match what it should not; a value starting with {@code
 * javascript:} (any case, after blanks) is evaluated as a server-side script. sys_ids ({@link
 * #gtSysId}, {@link #inSysIds}) must be 32 lower-case hex digits.
 */
public final class EncodedQuery {
  private static final Pattern FIELD = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");
  private static final Pattern SYS_ID = Pattern.compile("[0-9a-f]{32}");

  private final String text;

  private EncodedQuery(String text) {
    this.text = text;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The encoded form, ready for {@link SysParm#QUERY}. */
  public String text() {
    return text;
  }

  @Override
  public String toString() {
    return text;
  }

  /**
   * Whether ServiceNow would run this value as a script: {@code javascript:} in any case after any
   * leading blanks (no-break spaces included).
   */
  public static boolean isScript(String value) {
    int i = 0;
    while (i < value.length()
        && (Character.isWhitespace(value.charAt(i)) || Character.isSpaceChar(value.charAt(i)))) {
      i++;
    }
    return value.regionMatches(true, i, "javascript:", 0, "javascript:".length());
  }

  /** Appends conditions; consecutive conditions are AND-ed unless {@link #or()} is called. */
  public static final class Builder {
    private final StringBuilder out = new StringBuilder();
    private String joiner = "^";

    private Builder() {}

    public Builder eq(String field, String value) {
      return term(field, "=", value);
    }

    public Builder notEq(String field, String value) {
      return term(field, "!=", value);
    }

    public Builder gt(String field, String value) {
      return term(field, ">", value);
    }

    public Builder gte(String field, String value) {
      return term(field, ">=", value);
    }

    public Builder lt(String field, String value) {
      return term(field, "<", value);
    }

    public Builder lte(String field, String value) {
      return term(field, "<=", value);
    }

    public Builder startsWith(String field, String value) {
      return term(field, "STARTSWITH", value);
    }

    /** {@code field>sysId}, the sys_id checked (keyset tie-breaker). */
    public Builder gtSysId(String field, String sysId) {
      return gt(field, checkSysId(field, sysId));
    }

    /** {@code fieldINa,b,c} over sys_ids, each checked. */
    public Builder inSysIds(String field, Collection<String> sysIds) {
      sysIds.forEach(id -> checkSysId(field, id));
      return in(field, sysIds);
    }

    /** {@code fieldINa,b,c}; an empty list is refused (ServiceNow would drop the condition). */
    public Builder in(String field, Collection<String> values) {
      if (values.isEmpty()) {
        throw new UnsafeQueryValueException(field, "", "an IN list needs at least one value");
      }
      for (String v : values) {
        checkValue(field, v);
        if (v.indexOf(',') >= 0) {
          throw new UnsafeQueryValueException(field, v, "',' would split the IN list");
        }
      }
      return append(checkField(field) + "IN" + String.join(",", values));
    }

    public Builder isEmpty(String field) {
      return append(checkField(field) + "ISEMPTY");
    }

    public Builder isNotEmpty(String field) {
      return append(checkField(field) + "ISNOTEMPTY");
    }

    /** The next condition is OR-ed with the previous one ({@code ^OR}). */
    public Builder or() {
      joiner = "^OR";
      return this;
    }

    /** Starts a new OR-ed block of conditions ({@code ^NQ}). */
    public Builder newQuery() {
      joiner = "^NQ";
      return this;
    }

    public Builder orderBy(String field) {
      return append("ORDERBY" + checkField(field));
    }

    public Builder orderByDesc(String field) {
      return append("ORDERBYDESC" + checkField(field));
    }

    public EncodedQuery build() {
      return new EncodedQuery(out.toString());
    }

    private Builder term(String field, String operator, String value) {
      checkValue(field, value);
      return append(checkField(field) + operator + value);
    }

    private Builder append(String part) {
      if (out.length() > 0) {
        out.append(joiner);
      }
      out.append(part);
      joiner = "^";
      return this;
    }

    private static String checkField(String field) {
      if (field == null || !FIELD.matcher(field).matches()) {
        throw new UnsafeQueryValueException(
            "(field name)", String.valueOf(field), "not a column name");
      }
      return field;
    }

    private static void checkValue(String field, String value) {
      if (value == null) {
        throw new UnsafeQueryValueException(field, "null", "null is not a value");
      }
      if (value.isBlank()) {
        throw new UnsafeQueryValueException(
            field, value, "a blank value matches empty fields (use isEmpty if that is meant)");
      }
      if (value.indexOf('^') >= 0) {
        throw new UnsafeQueryValueException(field, value, "'^' would start a new condition");
      }
      if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
        throw new UnsafeQueryValueException(field, value, "a line break would end the query");
      }
      if (value.chars().anyMatch(Character::isISOControl)) {
        throw new UnsafeQueryValueException(field, value, "control characters are not data");
      }
      if (isScript(value)) {
        throw new UnsafeQueryValueException(
            field, value, "ServiceNow evaluates a javascript: value as a server-side script");
      }
    }

    private static String checkSysId(String field, String sysId) {
      if (sysId == null || !SYS_ID.matcher(sysId).matches()) {
        throw new UnsafeQueryValueException(
            field, String.valueOf(sysId), "a sys_id is 32 lower-case hex digits");
      }
      return sysId;
    }
  }
}

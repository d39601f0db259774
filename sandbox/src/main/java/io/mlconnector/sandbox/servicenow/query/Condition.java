package io.mlconnector.sandbox.servicenow.query;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Map;

/**
 * One {@code field OPERATOR value} term. Values are compared as strings, the way ServiceNow
 * compares its date-time strings ({@code yyyy-MM-dd HH:mm:ss} sorts lexicographically); only
 * columns the table declares numeric compare as numbers. Matching is case-sensitive.
 */
public record Condition(String field, Operator operator, String value) {

  /** Whether the row satisfies this term; a missing column reads as the empty string. */
  public boolean matches(Map<String, String> row, boolean numericColumn) {
    String actual = row.getOrDefault(field, "");
    return switch (operator) {
      case IS_EMPTY -> actual.isEmpty();
      case IS_NOT_EMPTY -> !actual.isEmpty();
      case EQUALS -> compare(actual, value, numericColumn) == 0;
      case NOT_EQUALS -> compare(actual, value, numericColumn) != 0;
      case GREATER -> !actual.isEmpty() && compare(actual, value, numericColumn) > 0;
      case GREATER_OR_EQUAL -> !actual.isEmpty() && compare(actual, value, numericColumn) >= 0;
      case LESS -> !actual.isEmpty() && compare(actual, value, numericColumn) < 0;
      case LESS_OR_EQUAL -> !actual.isEmpty() && compare(actual, value, numericColumn) <= 0;
      case STARTS_WITH -> actual.startsWith(value);
      case ENDS_WITH -> actual.endsWith(value);
      case LIKE -> actual.contains(value);
      case NOT_LIKE -> !actual.contains(value);
      case IN -> Arrays.asList(value.split(",", -1)).contains(actual);
      case NOT_IN -> !Arrays.asList(value.split(",", -1)).contains(actual);
    };
  }

  /** Compares two stored values; numeric columns by number when both sides parse. */
  static int compare(String left, String right, boolean numeric) {
    if (numeric) {
      BigDecimal l = toNumber(left);
      BigDecimal r = toNumber(right);
      if (l != null && r != null) {
        return l.compareTo(r);
      }
    }
    return left.compareTo(right);
  }

  private static BigDecimal toNumber(String s) {
    try {
      return s.isEmpty() ? null : new BigDecimal(s.trim());
    } catch (NumberFormatException notANumber) {
      return null;
    }
  }
}

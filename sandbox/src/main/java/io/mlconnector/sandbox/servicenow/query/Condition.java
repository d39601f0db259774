package io.mlconnector.sandbox.servicenow.query;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One {@code field OPERATOR value} term. Values are compared as strings, the way ServiceNow
 * compares its date-time strings ({@code yyyy-MM-dd HH:mm:ss} sorts lexicographically); only
 * columns the table declares numeric compare as numbers. Matching is case-sensitive.
 */
public record Condition(String field, Operator operator, String value) {

  /**
   * This term as a row test (a missing column reads as the empty string), for testing many rows: an
   * {@code IN} list is split into a set once, not once per row (a lookup of 100 ids in a table of
   * 100,000 rows).
   */
  public Predicate<Map<String, String>> matcher(boolean numericColumn) {
    if (operator == Operator.IN || operator == Operator.NOT_IN) {
      Set<String> values = new HashSet<>(Arrays.asList(value.split(",", -1)));
      boolean in = operator == Operator.IN;
      return row -> values.contains(row.getOrDefault(field, "")) == in;
    }
    return row -> test(row.getOrDefault(field, ""), numericColumn);
  }

  private boolean test(String actual, boolean numericColumn) {
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
      case IN, NOT_IN -> throw new IllegalStateException("set terms are tested by matcher()");
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

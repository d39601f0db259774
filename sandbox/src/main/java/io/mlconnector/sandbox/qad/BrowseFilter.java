package io.mlconnector.sandbox.qad;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * One browse condition, written {@code <field>,<op>,<value>,literal}, e.g. {@code
 * po_mstr.po_nbr,eq,P0000001,literal} or {@code mod_date,ge,2025-01-01T00:00:00Z,literal}. The
 * value may itself contain commas (supplier names do), so only the first two and the trailing
 * {@code literal} are split off. Conditions of one browse are combined with AND.
 */
public record BrowseFilter(String field, Operator operator, Object value)
    implements Predicate<QadRow> {

  /** Supported comparison operators. */
  public enum Operator {
    EQ,
    NE,
    GT,
    GE,
    LT,
    LE,
    /** Text starts with the value. */
    BEGINS
  }

  private static final String LITERAL_SUFFIX = ",literal";

  /** Parses one {@code filter=} parameter against the browse's table. */
  public static BrowseFilter parse(String raw, QadEntity entity) {
    int first = raw.indexOf(',');
    int second = first < 0 ? -1 : raw.indexOf(',', first + 1);
    if (second < 0) {
      throw new IllegalArgumentException("filter must be <field>,<op>,<value>,literal: " + raw);
    }
    String field = raw.substring(0, first).trim();
    int dot = field.indexOf('.');
    if (dot >= 0) {
      field = field.substring(dot + 1); // "po_mstr.po_nbr" names the table too
    }
    if (!entity.hasField(field)) {
      throw new IllegalArgumentException("unknown field " + field + " on " + entity.table());
    }
    Operator op;
    try {
      op = Operator.valueOf(raw.substring(first + 1, second).trim().toUpperCase());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown operator in filter " + raw);
    }
    String text = raw.substring(second + 1);
    if (text.endsWith(LITERAL_SUFFIX)) {
      text = text.substring(0, text.length() - LITERAL_SUFFIX.length());
    }
    try {
      return new BrowseFilter(field, op, entity.type(field).parse(text));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("value " + text + " does not fit field " + field);
    }
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public boolean test(QadRow row) {
    Object actual = row.get(field);
    if (operator == Operator.NE) {
      return !Objects.equals(actual, value) && !equalNumbers(actual);
    }
    if (actual == null) {
      return false;
    }
    if (operator == Operator.BEGINS) {
      return actual.toString().startsWith(value.toString());
    }
    int c = ((Comparable) actual).compareTo(value);
    return switch (operator) {
      case EQ -> c == 0;
      case GT -> c > 0;
      case GE -> c >= 0;
      case LT -> c < 0;
      case LE -> c <= 0;
      default -> throw new IllegalStateException(operator.name());
    };
  }

  /** 5 and 5.00 are the same quantity even though BigDecimal.equals disagrees. */
  private boolean equalNumbers(Object actual) {
    return actual instanceof java.math.BigDecimal a
        && value instanceof java.math.BigDecimal b
        && a.compareTo(b) == 0;
  }
}

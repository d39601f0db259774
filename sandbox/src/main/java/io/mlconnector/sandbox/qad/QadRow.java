package io.mlconnector.sandbox.qad;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * One immutable record of a QAD table. Values sit in an array aligned with {@link
 * QadEntity#fieldNames()} to keep a million rows affordable; a change makes a new row.
 */
public final class QadRow {

  /** Browse order: modified time, then the key fields by their typed values. */
  public static final Comparator<QadRow> BROWSE_ORDER =
      Comparator.comparing(QadRow::modified).thenComparing(QadRow::compareKeys);

  private final QadEntity entity;
  private final Object[] values;

  private QadRow(QadEntity entity, Object[] values) {
    this.entity = entity;
    this.values = values;
  }

  /** Builds a row from field values (parsed per field type); missing fields stay null. */
  public static QadRow of(QadEntity entity, Map<String, ?> fields, Instant modified) {
    Object[] values = new Object[entity.fieldNames().size()];
    fields.forEach((name, value) -> values[index(entity, name)] = entity.type(name).parse(value));
    values[index(entity, QadEntity.MODIFIED_FIELD)] = modified.truncatedTo(ChronoUnit.SECONDS);
    for (String key : entity.keyFields()) {
      if (values[index(entity, key)] == null) {
        throw new IllegalArgumentException("key field " + key + " missing for " + entity.table());
      }
    }
    return new QadRow(entity, values);
  }

  /**
   * A row that sorts before every real row modified at {@code modified} (it has no key), to start a
   * browse-order scan there.
   */
  static QadRow startOf(QadEntity entity, Instant modified) {
    Object[] values = new Object[entity.fieldNames().size()];
    values[index(entity, QadEntity.MODIFIED_FIELD)] = modified.truncatedTo(ChronoUnit.SECONDS);
    return new QadRow(entity, values);
  }

  public QadEntity entity() {
    return entity;
  }

  public Object get(String field) {
    return values[index(entity, field)];
  }

  public String text(String field) {
    Object value = get(field);
    return value == null ? null : value.toString();
  }

  public Instant modified() {
    return (Instant) get(QadEntity.MODIFIED_FIELD);
  }

  /** The key as text, fields joined by {@code |}, e.g. {@code P0000001|2}. */
  public String key() {
    return keyOf(entity.keyFields().stream().map(this::get).toList());
  }

  static String keyOf(List<?> keyValues) {
    StringJoiner joiner = new StringJoiner("|");
    keyValues.forEach(v -> joiner.add(String.valueOf(v)));
    return joiner.toString();
  }

  /** A copy with some fields changed and a new modified time. */
  public QadRow with(Map<String, ?> changes, Instant modified) {
    Object[] copy = Arrays.copyOf(values, values.length);
    changes.forEach((name, value) -> copy[index(entity, name)] = entity.type(name).parse(value));
    copy[index(entity, QadEntity.MODIFIED_FIELD)] = modified.truncatedTo(ChronoUnit.SECONDS);
    return new QadRow(entity, copy);
  }

  /** The row as JSON-ready field values, limited to {@code fields} in that order. */
  public Map<String, Object> toJson(List<String> fields) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String field : fields) {
      out.put(field, entity.type(field).toJson(get(field)));
    }
    return out;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private int compareKeys(QadRow other) {
    for (String key : entity.keyFields()) {
      Object mine = get(key);
      Object theirs = other.get(key);
      if (mine == null || theirs == null) { // a startOf(...) probe sorts first
        return mine == theirs ? 0 : mine == null ? -1 : 1;
      }
      int c = ((Comparable) mine).compareTo(theirs);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private static int index(QadEntity entity, String field) {
    int i = entity.indexOf(field);
    if (i < 0) {
      throw new IllegalArgumentException("unknown field " + field + " on " + entity.table());
    }
    return i;
  }

  @Override
  public String toString() {
    return entity.table() + toJson(entity.fieldNames());
  }
}

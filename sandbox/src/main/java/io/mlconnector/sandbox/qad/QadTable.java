package io.mlconnector.sandbox.qad;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.Predicate;

/**
 * One table of one tenant: rows by key plus the same rows kept in browse order, so a browse is an
 * ordered scan and a change moves the row to its new place (as a re-modified record does).
 */
public final class QadTable {
  private final QadEntity entity;
  private final Map<String, QadRow> byKey = new ConcurrentHashMap<>();
  private final ConcurrentSkipListSet<QadRow> inBrowseOrder =
      new ConcurrentSkipListSet<>(QadRow.BROWSE_ORDER);

  QadTable(QadEntity entity) {
    this.entity = entity;
  }

  public QadEntity entity() {
    return entity;
  }

  /** Inserts or replaces the row with the same key. */
  public synchronized QadRow put(QadRow row) {
    if (row.entity() != entity) {
      throw new IllegalArgumentException(row.entity() + " row into " + entity + " table");
    }
    QadRow previous = byKey.put(row.key(), row);
    if (previous != null) {
      inBrowseOrder.remove(previous);
    }
    inBrowseOrder.add(row);
    return row;
  }

  /** Changes fields of an existing row and stamps it modified at {@code now}. */
  public synchronized QadRow change(String key, Map<String, ?> changes, Instant now) {
    QadRow current = byKey.get(key);
    if (current == null) {
      throw new IllegalArgumentException("no " + entity.table() + " row with key " + key);
    }
    if (entity.keyFields().stream().anyMatch(changes::containsKey)) {
      throw new IllegalArgumentException("key fields of " + entity.table() + " cannot change");
    }
    return put(current.with(changes, now));
  }

  public Optional<QadRow> find(String key) {
    return Optional.ofNullable(byKey.get(key));
  }

  /** Key built from key-field values, e.g. {@code find("P0000001", 2)}. */
  public Optional<QadRow> find(Object... keyValues) {
    return find(QadRow.keyOf(List.of(keyValues)));
  }

  public int size() {
    return byKey.size();
  }

  /** Matching rows in browse order (modified time, key), as of now. */
  public List<QadRow> select(Predicate<QadRow> filter) {
    return select(filter, null, null);
  }

  /**
   * Matching rows in browse order whose modified time lies within {@code [from, to]} (seconds; a
   * null bound is open): the scan starts at {@code from} and stops after {@code to}, instead of
   * testing every row of the table on every page.
   */
  public List<QadRow> select(Predicate<QadRow> filter, Instant from, Instant to) {
    Iterable<QadRow> rows =
        from == null ? inBrowseOrder : inBrowseOrder.tailSet(QadRow.startOf(entity, from), true);
    List<QadRow> out = new ArrayList<>();
    for (QadRow row : rows) {
      if (to != null && row.modified().isAfter(to)) {
        break;
      }
      if (filter.test(row)) {
        out.add(row);
      }
    }
    return out;
  }

  public List<QadRow> all() {
    return select(row -> true);
  }
}

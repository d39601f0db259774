package io.mlconnector.sandbox.servicenow.table;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The rows of one instance, per table, in insertion order. Keeps the system columns the way
 * ServiceNow does: 32-hex {@code sys_id}, UTC {@code yyyy-MM-dd HH:mm:ss} stamps at one-second
 * granularity (so many writes share a second), {@code sys_mod_count} bumped on every update. All
 * methods return copies; one lock per instance is plenty for a simulator.
 */
public final class TableStore {
  public static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private final TableCatalog catalog;
  private final Supplier<Instant> writeTime;
  private final Map<String, Map<String, Map<String, String>>> rowsByTable = new LinkedHashMap<>();
  private final List<BiConsumer<String, Map<String, String>>> afterWrite =
      new CopyOnWriteArrayList<>();

  /** {@code writeTime} stamps writes; faults can pin it to one second. */
  public TableStore(TableCatalog catalog, Supplier<Instant> writeTime) {
    this.catalog = catalog;
    this.writeTime = writeTime;
  }

  /**
   * Runs {@code rule} after every insert and update (a business rule "after insert/update"), with
   * the table and a copy of the row, inside the store's lock: it must only look and hand off.
   */
  public void afterWrite(BiConsumer<String, Map<String, String>> rule) {
    afterWrite.add(rule);
  }

  public synchronized Map<String, String> insert(
      String table, Map<String, String> values, String user) {
    TableDefinition def = definition(table);
    String stamp = TIMESTAMP.format(writeTime.get());
    Map<String, String> row = new LinkedHashMap<>();
    String requestedId = values.get("sys_id");
    String sysId =
        requestedId != null && requestedId.matches("[0-9a-f]{32}") ? requestedId : newSysId();
    row.put("sys_id", sysId);
    row.put("sys_created_on", stamp);
    row.put("sys_created_by", user);
    row.put("sys_updated_on", stamp);
    row.put("sys_updated_by", user);
    row.put("sys_mod_count", "0");
    def.columns().keySet().forEach(c -> row.put(c, values.getOrDefault(c, "")));
    rows(table).put(sysId, row);
    fire(table, row);
    return new LinkedHashMap<>(row);
  }

  /** Applies the known business columns of {@code values}; null when the row does not exist. */
  public synchronized Map<String, String> update(
      String table, String sysId, Map<String, String> values, String user) {
    TableDefinition def = definition(table);
    Map<String, String> row = rows(table).get(sysId);
    if (row == null) {
      return null;
    }
    values.forEach(
        (k, v) -> {
          if (def.columns().containsKey(k)) {
            row.put(k, v);
          }
        });
    stampUpdate(row, user);
    fire(table, row);
    return new LinkedHashMap<>(row);
  }

  public synchronized boolean delete(String table, String sysId) {
    return rows(table).remove(sysId) != null;
  }

  public synchronized Map<String, String> get(String table, String sysId) {
    Map<String, String> row = rows(table).get(sysId);
    return row == null ? null : new LinkedHashMap<>(row);
  }

  /** How many rows a table holds, without copying them (a watcher polling a large table). */
  public synchronized int size(String table) {
    return rows(table).size();
  }

  /** Snapshot of every row of a table, in insertion order. */
  public List<Map<String, String>> snapshot(String table) {
    return select(table, row -> true);
  }

  /**
   * Copies of the rows that pass {@code filter}, in insertion order. Filtering before copying keeps
   * a lookup in a large table cheap: only its matches are copied, not the whole table.
   */
  public synchronized List<Map<String, String>> select(
      String table, Predicate<Map<String, String>> filter) {
    List<Map<String, String>> out = new ArrayList<>();
    for (Map<String, String> row : rows(table).values()) {
      if (filter.test(row)) {
        out.add(new LinkedHashMap<>(row));
      }
    }
    return out;
  }

  /**
   * Re-saves the first {@code count} rows unchanged, as a business rule or a clerk would: their
   * {@code sys_updated_on} moves to now. Returns the touched sys_ids.
   */
  public synchronized List<String> touch(String table, int count, String user) {
    List<String> touched = new ArrayList<>();
    for (Map<String, String> row : rows(table).values()) {
      if (touched.size() >= count) {
        break;
      }
      stampUpdate(row, user);
      fire(table, row);
      touched.add(row.get("sys_id"));
    }
    return touched;
  }

  public synchronized void clear(String table) {
    rows(table).clear();
  }

  private void fire(String table, Map<String, String> row) {
    afterWrite.forEach(rule -> rule.accept(table, new LinkedHashMap<>(row)));
  }

  private void stampUpdate(Map<String, String> row, String user) {
    row.put("sys_updated_on", TIMESTAMP.format(writeTime.get()));
    row.put("sys_updated_by", user);
    row.put("sys_mod_count", String.valueOf(Integer.parseInt(row.get("sys_mod_count")) + 1));
  }

  private Map<String, Map<String, String>> rows(String table) {
    definition(table);
    return rowsByTable.computeIfAbsent(table, t -> new LinkedHashMap<>());
  }

  private TableDefinition definition(String table) {
    TableDefinition def = catalog.table(table);
    if (def == null) {
      throw new IllegalArgumentException("table not configured: " + table);
    }
    return def;
  }

  static String newSysId() {
    return UUID.randomUUID().toString().replace("-", "");
  }
}

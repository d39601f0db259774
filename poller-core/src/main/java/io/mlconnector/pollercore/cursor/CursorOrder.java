package io.mlconnector.pollercore.cursor;

/**
 * How a cursor refuses to move back when a page commits after a later one: readers differ in what
 * "later" means, so each poller says which order its cursors follow.
 */
public enum CursorOrder {
  /**
   * Only the modified time orders: a poll re-reads its cursor's whole second (less the overlap), so
   * the last key is informative only and the last one written wins.
   */
  MODIFIED_TIME(
      " set last_modified = greatest(poll_cursor.last_modified, excluded.last_modified),"
          + " last_key = excluded.last_key, updated_at = now()"),

  /**
   * ({@code last_modified}, {@code last_key}) is the keyset order; a row comparison guards it. A
   * reset cursor has no key yet: it stands before every key of its second.
   */
  KEYSET(
      " set last_modified = excluded.last_modified, last_key = excluded.last_key,"
          + " updated_at = now()"
          + " where (excluded.last_modified, excluded.last_key)"
          + " > (poll_cursor.last_modified, coalesce(poll_cursor.last_key, ''))");

  private final String onConflictUpdate;

  CursorOrder(String onConflictUpdate) {
    this.onConflictUpdate = onConflictUpdate;
  }

  String onConflictUpdate() {
    return onConflictUpdate;
  }
}

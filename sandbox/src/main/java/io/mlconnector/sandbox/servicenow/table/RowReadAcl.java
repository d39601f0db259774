package io.mlconnector.sandbox.servicenow.table;

import io.mlconnector.sandbox.servicenow.query.EncodedQuery;
import io.mlconnector.sandbox.servicenow.query.EncodedQueryParser;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Row-level read ACLs of one instance: rows matching a condition are invisible to non-admins. The
 * Table API applies them after {@code sysparm_limit}, as ServiceNow does.
 */
public final class RowReadAcl {
  private record HiddenRows(String table, EncodedQuery query) {}

  private final List<HiddenRows> rules = new CopyOnWriteArrayList<>();

  public void hide(String table, String encodedQuery) {
    rules.add(new HiddenRows(table, EncodedQueryParser.parse(encodedQuery)));
  }

  /** Drops every row-level rule of {@code table}: its rows are visible again. */
  public void reveal(String table) {
    rules.removeIf(r -> r.table().equals(table));
  }

  public boolean isHidden(TableDefinition table, Map<String, String> row) {
    return rules.stream()
        .filter(r -> r.table().equals(table.name()))
        .anyMatch(r -> r.query().filter(table.numericFields()).test(row));
  }
}

package io.mlconnector.snclient.query;

import java.util.List;
import java.util.Objects;

/**
 * What to read from one table: an optional encoded query, the columns wanted (empty = all) and the
 * page size ({@code sysparm_limit}).
 */
public record TableQuery(String table, EncodedQuery query, List<String> fields, int pageSize) {
  public static final int DEFAULT_PAGE_SIZE = 1000;

  public TableQuery {
    Objects.requireNonNull(table, "table");
    fields = List.copyOf(fields);
    if (pageSize < 1) {
      throw new IllegalArgumentException("page size must be positive: " + pageSize);
    }
  }

  public static TableQuery of(String table) {
    return new TableQuery(table, null, List.of(), DEFAULT_PAGE_SIZE);
  }

  public TableQuery where(EncodedQuery newQuery) {
    return new TableQuery(table, newQuery, fields, pageSize);
  }

  public TableQuery fields(String... newFields) {
    return new TableQuery(table, query, List.of(newFields), pageSize);
  }

  public TableQuery pageSize(int newPageSize) {
    return new TableQuery(table, query, fields, newPageSize);
  }
}

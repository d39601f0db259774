package io.mlconnector.qadclient.browse;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * One page request of a browse, optionally restricted on the modified time.
 *
 * @param operator QAD filter operator on the modified field ({@code ge}, {@code eq}, {@code gt}),
 *     or {@code null} for all rows
 * @param page 1-based page number
 * @param conditions further filters on other fields (key fields), ANDed to the modified time one
 */
public record BrowseQuery(
    String operator, Instant modified, int page, int pageSize, List<FieldCondition> conditions) {

  public BrowseQuery {
    conditions = conditions == null ? List.of() : List.copyOf(conditions);
    if (page < 1 || pageSize < 1) {
      throw new IllegalArgumentException("page and pageSize start at 1");
    }
    if ((operator == null) != (modified == null)) {
      throw new IllegalArgumentException("operator and modified time go together");
    }
    modified = modified == null ? null : modified.truncatedTo(ChronoUnit.SECONDS);
  }

  public BrowseQuery(String operator, Instant modified, int page, int pageSize) {
    this(operator, modified, page, pageSize, List.of());
  }

  public static BrowseQuery all(int page, int pageSize) {
    return new BrowseQuery(null, null, page, pageSize);
  }

  /** Rows modified at or after {@code since}. */
  public static BrowseQuery modifiedSince(Instant since, int page, int pageSize) {
    return new BrowseQuery("ge", since, page, pageSize);
  }

  /** Rows modified exactly at {@code at} (one second). */
  public static BrowseQuery modifiedAt(Instant at, int page, int pageSize) {
    return new BrowseQuery("eq", at, page, pageSize);
  }

  /** Rows modified strictly after {@code after}. */
  public static BrowseQuery modifiedAfter(Instant after, int page, int pageSize) {
    return new BrowseQuery("gt", after, page, pageSize);
  }

  public BrowseQuery page(int n) {
    return new BrowseQuery(operator, modified, n, pageSize, conditions);
  }

  /** The same query with {@code more} as its further filters (ANDed to the modified time one). */
  public BrowseQuery where(List<FieldCondition> more) {
    return new BrowseQuery(operator, modified, page, pageSize, more);
  }
}

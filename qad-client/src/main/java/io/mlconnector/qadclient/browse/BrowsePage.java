package io.mlconnector.qadclient.browse;

import io.mlconnector.common.event.EntityType;
import java.util.List;

/** One page of a browse, rows in QAD's (modified time, key) order. */
public record BrowsePage(
    EntityType entity,
    int page,
    int pageSize,
    long totalCount,
    boolean hasMore,
    List<QadRecord> rows) {

  public BrowsePage {
    rows = List.copyOf(rows);
  }
}

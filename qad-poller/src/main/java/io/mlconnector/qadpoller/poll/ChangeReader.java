package io.mlconnector.qadpoller.poll;

import io.mlconnector.common.event.EntityType;
import io.mlconnector.qadclient.QadClient;
import io.mlconnector.qadclient.browse.BrowsePage;
import io.mlconnector.qadclient.browse.BrowseQuery;
import io.mlconnector.qadclient.browse.QadRecord;
import java.time.Instant;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Reads every record modified since a point, boundary-safe over second-precision modified times.
 *
 * <p>Keyset on the modified time: each step asks for page 1 of "modified after the last complete
 * second", so rows that change while we read simply move ahead of us instead of shifting offsets.
 * Only the rows of one second are read with offset paging ({@code eq} filter), restarted when that
 * second loses rows mid-read. Rows of one second may therefore be handed over more than once; the
 * caller dedupes by content hash.
 */
final class ChangeReader {
  private static final int MAX_SECOND_RESTARTS = 3;

  /** Receives rows in order with a cursor value that is safe once they are acknowledged. */
  interface Sink {
    void accept(List<QadRecord> rows, Instant cursorAfter);
  }

  private final QadClient client;
  private final EntityType entity;
  private final int pageSize;

  ChangeReader(QadClient client, EntityType entity, int pageSize) {
    this.client = client;
    this.entity = entity;
    this.pageSize = pageSize;
  }

  /**
   * @param since read rows modified at or after this, or everything when {@code null}
   * @param total told the total count of the first answer (progress of an initial load)
   */
  void read(Instant since, LongConsumer total, Sink sink) {
    BrowseQuery query =
        since == null
            ? BrowseQuery.all(1, pageSize)
            : BrowseQuery.modifiedSince(since, 1, pageSize);
    boolean first = true;
    while (true) {
      BrowsePage page = client.browse(entity, query);
      if (first) {
        total.accept(page.totalCount());
        first = false;
      }
      List<QadRecord> rows = page.rows();
      if (rows.isEmpty()) {
        return;
      }
      Instant last = rows.get(rows.size() - 1).modified();
      if (!page.hasMore()) {
        sink.accept(rows, last);
        return;
      }
      List<QadRecord> complete = rows.stream().filter(r -> r.modified().isBefore(last)).toList();
      if (!complete.isEmpty()) {
        sink.accept(complete, complete.get(complete.size() - 1).modified());
      }
      readSecond(last, sink);
      query = BrowseQuery.modifiedAfter(last, 1, pageSize);
    }
  }

  /** All rows of one modified second, which may span many pages. */
  private void readSecond(Instant second, Sink sink) {
    int restarts = 0;
    long seenTotal = -1;
    int page = 1;
    while (true) {
      BrowsePage p = client.browse(entity, BrowseQuery.modifiedAt(second, page, pageSize));
      if (seenTotal >= 0 && p.totalCount() < seenTotal && restarts++ < MAX_SECOND_RESTARTS) {
        // Rows left this second while we paged: offsets shifted, so read it again from the top.
        seenTotal = -1;
        page = 1;
        continue;
      }
      seenTotal = p.totalCount();
      if (!p.rows().isEmpty()) {
        sink.accept(p.rows(), second);
      }
      if (!p.hasMore() || p.rows().isEmpty()) {
        return;
      }
      page++;
    }
  }
}

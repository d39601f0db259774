package io.mlconnector.qadpoller.poll;

import io.mlconnector.common.event.EntityType;
import io.mlconnector.pollercore.health.ReadStalledException;
import io.mlconnector.qadclient.QadClient;
import io.mlconnector.qadclient.browse.BrowsePage;
import io.mlconnector.qadclient.browse.BrowseQuery;
import io.mlconnector.qadclient.browse.QadRecord;
import java.time.Instant;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Reads every record modified since a point, boundary-safe over second-precision modified times,
 * without ever paging by offset.
 *
 * <p>Keyset on (modified time, key fields): each step asks for page 1 of "modified after the last
 * complete second", and the rows of one tied second are read by {@link TiedSecond}, page 1 of "this
 * second, key after the last row handed over". Rows that change while we read move ahead of us (to
 * a later second, read later) instead of shifting offsets, so no churn rate makes a row slide past
 * the reader. Rows of one second may be handed over more than once; the caller dedupes by content
 * hash. When QAD does not honour a filter (it answers rows at or before the position asked for) the
 * reader stops with a {@link ReadStalledException} rather than skip.
 */
final class ChangeReader {

  /** Receives rows in order with a cursor value that is safe once they are acknowledged. */
  interface Sink {
    void accept(List<QadRecord> rows, Instant cursorAfter);
  }

  private final QadClient client;
  private final EntityType entity;
  private final int pageSize;
  private final List<String> keyFields;

  /**
   * @param keyFields the fields that identify a row, in QAD's browse order after the modified time
   */
  ChangeReader(QadClient client, EntityType entity, int pageSize, List<String> keyFields) {
    this.client = client;
    this.entity = entity;
    this.pageSize = pageSize;
    this.keyFields = keyFields;
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
    Instant readUpTo = null;
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
      if (readUpTo != null && !rows.get(0).modified().isAfter(readUpTo)) {
        throw new ReadStalledException(
            entity.wireName()
                + ": QAD answered rows of "
                + rows.get(0).modified()
                + " when asked for rows modified after "
                + readUpTo
                + "; stopped there instead of skipping");
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
      new TiedSecond(client, entity, pageSize, keyFields, last).read(sink);
      readUpTo = last;
      query = BrowseQuery.modifiedAfter(last, 1, pageSize);
    }
  }
}

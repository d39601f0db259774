package io.mlconnector.snpoller.read;

import io.mlconnector.pollercore.health.ReadStalledException;
import io.mlconnector.snclient.ServiceNowClient;
import io.mlconnector.snclient.model.ServiceNowRecord;
import io.mlconnector.snclient.model.TablePage;
import io.mlconnector.snclient.query.EncodedQuery;
import io.mlconnector.snclient.query.TableQuery;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Reads every row of a table from a keyset position to the end, in ({@code sys_updated_on}, {@code
 * sys_id}) order.
 *
 * <p>Each page that shows rows restarts the query after its last row ({@code sys_updated_on>T^NQ
 * sys_updated_on=T^sys_id>X}), so rows that change while we read move behind us and are met again
 * instead of shifting offsets (which would skip rows), and ties of one second across page
 * boundaries are neither skipped nor repeated. A page may come back short or empty because row ACLs
 * apply after {@code sysparm_limit}: that is never taken as the end. Only the absence of a {@code
 * rel="next"} link is.
 *
 * <p>An empty page's {@code next} link is never followed: it continues by offset, and a hidden row
 * re-saved (or deleted) before that call would move the first visible row below the offset, unread
 * for good. Instead the same keyset query is asked again with twice the limit, until a page shows a
 * row or has no next link. Past {@code maxLimit} hidden rows in a row the read stalls ({@link
 * ReadStalledException}, naming the position) rather than guess; the cursor stays where it was.
 */
public final class KeysetReader {

  /** Receives the rows of one page with the position just after them. */
  public interface PageSink {
    void accept(List<ServiceNowRecord> rows, KeysetPosition after);
  }

  private final ServiceNowClient client;
  private final String table;
  private final String updatedColumn;
  private final String idColumn;
  private final int pageSize;
  private final int maxLimit;

  /**
   * @param maxLimit the largest {@code sysparm_limit} asked for while looking past rows hidden by
   *     ACLs
   */
  public KeysetReader(
      ServiceNowClient client,
      String table,
      String updatedColumn,
      String idColumn,
      int pageSize,
      int maxLimit) {
    this.client = client;
    this.table = table;
    this.updatedColumn = updatedColumn;
    this.idColumn = idColumn;
    this.pageSize = pageSize;
    this.maxLimit = maxLimit;
  }

  /**
   * @param start where to begin, or {@code null} for the whole table (initial load)
   * @param total told {@code X-Total-Count} of the first answer (rows before ACLs), if any
   */
  public void read(KeysetPosition start, LongConsumer total, PageSink sink) {
    KeysetPosition from = start;
    int limit = pageSize;
    TablePage page = client.query(query(from, limit));
    page.totalCount().ifPresent(total);
    while (true) {
      List<ServiceNowRecord> rows = page.records();
      if (rows.isEmpty()) {
        if (!page.hasNext()) {
          return;
        }
        if (limit >= maxLimit) {
          throw new ReadStalledException(
              "more than "
                  + limit
                  + " rows of "
                  + table
                  + " in a row after "
                  + from
                  + " are hidden from the integration user by ACLs; grant it read access on"
                  + " them, or raise mlc.servicenow.hidden-row-scan-limit (the read stops here,"
                  + " nothing skipped)");
        }
        limit = (int) Math.min(maxLimit, 2L * limit);
        page = client.query(query(from, limit)); // same position, wider: no offset to slide
        continue;
      }
      from = KeysetPosition.after(rows.get(rows.size() - 1), updatedColumn, idColumn);
      sink.accept(rows, from);
      if (!page.hasNext()) {
        return;
      }
      limit = pageSize;
      page = client.query(query(from, limit));
    }
  }

  TableQuery query(KeysetPosition from) {
    return query(from, pageSize);
  }

  private TableQuery query(KeysetPosition from, int limit) {
    EncodedQuery.Builder q = EncodedQuery.builder();
    if (from != null && from.sysId() == null) {
      q.gte(updatedColumn, GlideTime.format(from.updatedOn()));
    } else if (from != null) {
      String second = GlideTime.format(from.updatedOn());
      q.gt(updatedColumn, second)
          .newQuery()
          .eq(updatedColumn, second)
          .gtSysId(idColumn, from.sysId());
    }
    q.orderBy(updatedColumn).orderBy(idColumn);
    return TableQuery.of(table).where(q.build()).pageSize(limit);
  }
}

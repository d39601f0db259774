package io.mlconnector.snpoller.read;

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
 * rel="next"} link is; an empty page is passed by following its link.
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

  public KeysetReader(
      ServiceNowClient client, String table, String updatedColumn, String idColumn, int pageSize) {
    this.client = client;
    this.table = table;
    this.updatedColumn = updatedColumn;
    this.idColumn = idColumn;
    this.pageSize = pageSize;
  }

  /**
   * @param start where to begin, or {@code null} for the whole table (initial load)
   * @param total told {@code X-Total-Count} of the first answer (rows before ACLs), if any
   */
  public void read(KeysetPosition start, LongConsumer total, PageSink sink) {
    TablePage page = client.query(query(start));
    page.totalCount().ifPresent(total);
    while (true) {
      List<ServiceNowRecord> rows = page.records();
      if (rows.isEmpty()) {
        if (!page.hasNext()) {
          return;
        }
        page = client.next(page, table).orElseThrow();
        continue;
      }
      KeysetPosition after =
          KeysetPosition.after(rows.get(rows.size() - 1), updatedColumn, idColumn);
      sink.accept(rows, after);
      if (!page.hasNext()) {
        return;
      }
      page = client.query(query(after));
    }
  }

  TableQuery query(KeysetPosition from) {
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
    return TableQuery.of(table).where(q.build()).pageSize(pageSize);
  }
}

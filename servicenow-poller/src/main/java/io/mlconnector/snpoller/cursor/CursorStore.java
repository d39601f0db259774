package io.mlconnector.snpoller.cursor;

import io.mlconnector.pollercore.cursor.CursorOrder;
import jakarta.inject.Singleton;
import javax.sql.DataSource;

/**
 * The ServiceNow poller's cursors ({@code source = servicenow}), one per tenant and table cursor
 * name: ({@code sys_updated_on}, {@code sys_id}) of the last row acknowledged, moved forward in
 * keyset order only, so a late page never moves it back. Published versions are kept per entity and
 * sys_id.
 */
@Singleton
public class CursorStore extends io.mlconnector.pollercore.cursor.CursorStore {

  public CursorStore(DataSource dataSource) {
    super(dataSource, "servicenow", CursorOrder.KEYSET);
  }
}

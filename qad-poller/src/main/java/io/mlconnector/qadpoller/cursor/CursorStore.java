package io.mlconnector.qadpoller.cursor;

import io.mlconnector.pollercore.cursor.CursorOrder;
import jakarta.inject.Singleton;
import javax.sql.DataSource;

/**
 * The QAD poller's cursors ({@code source = qad}), one per tenant and entity wire name. Each poll
 * re-reads the cursor's second (less the overlap) from its start, so only the modified time orders
 * the cursor.
 */
@Singleton
public class CursorStore extends io.mlconnector.pollercore.cursor.CursorStore {

  public CursorStore(DataSource dataSource) {
    super(dataSource, "qad", CursorOrder.MODIFIED_TIME);
  }
}

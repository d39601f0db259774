package io.mlconnector.qadpoller.poll;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.common.event.PayloadHash;
import io.mlconnector.pollercore.cursor.CursorPosition;
import io.mlconnector.pollercore.publish.PolledRecord;
import io.mlconnector.qadclient.browse.QadRecord;
import java.time.Instant;
import java.util.List;

/**
 * QAD browse rows as records to publish: keyed by the record's key, versioned {@code
 * mod_date#content-hash}, the payload the row exactly as read.
 */
final class QadChanges {
  private QadChanges() {}

  static List<PolledRecord> of(List<QadRecord> rows, String modifiedField) {
    return rows.stream().map(r -> of(r, contentHash(r.fields(), modifiedField))).toList();
  }

  private static PolledRecord of(QadRecord r, String hash) {
    return new PolledRecord(
        r.key(),
        r.sourceId(),
        r.businessKey(),
        r.modified() + "#" + hash,
        r.modified(),
        r.fields(),
        hash);
  }

  /** The entity's cursor after these rows: {@code cursorAfter}, tie-broken by the last key. */
  static CursorPosition cursorAfter(String entity, List<QadRecord> rows, Instant cursorAfter) {
    if (cursorAfter == null) {
      return null;
    }
    String lastKey = rows.isEmpty() ? null : rows.get(rows.size() - 1).key();
    return new CursorPosition(entity, cursorAfter, lastKey);
  }

  /** Hash of the row's content without its modified time: a touch without change is no change. */
  static String contentHash(ObjectNode fields, String modifiedField) {
    ObjectNode content = fields.deepCopy();
    content.remove(modifiedField);
    return PayloadHash.of(content);
  }
}

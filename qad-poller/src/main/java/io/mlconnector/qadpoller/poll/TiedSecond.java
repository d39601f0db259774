package io.mlconnector.qadpoller.poll;

import io.mlconnector.common.event.EntityType;
import io.mlconnector.pollercore.health.ReadStalledException;
import io.mlconnector.qadclient.QadClient;
import io.mlconnector.qadclient.QadRejectedException;
import io.mlconnector.qadclient.browse.BrowsePage;
import io.mlconnector.qadclient.browse.BrowseQuery;
import io.mlconnector.qadclient.browse.FieldCondition;
import io.mlconnector.qadclient.browse.QadRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every row of one modified second, read by keyset on the key fields: always page 1 of "this
 * second, key after the last row handed over". QAD filters combine with AND only, so "key after
 * (v1, …, vn)" is asked level by level, deepest first: (k1 = v1, …, kn-1 = vn-1, kn > vn), then (k1
 * = v1, …, kn-1 > vn-1), … up to (k1 > v1). Together, in that order, they are the rows after the
 * position in QAD's (modified time, key) order. A row leaving the second while we read never shifts
 * the rows after it.
 */
final class TiedSecond {
  private final QadClient client;
  private final EntityType entity;
  private final int pageSize;
  private final List<String> keyFields;
  private final Instant second;
  private final Set<String> handedOver = new HashSet<>();

  TiedSecond(
      QadClient client, EntityType entity, int pageSize, List<String> keyFields, Instant second) {
    this.client = client;
    this.entity = entity;
    this.pageSize = pageSize;
    this.keyFields = keyFields;
    this.second = second;
  }

  void read(ChangeReader.Sink sink) {
    List<String> position = null; // key values of the last row handed over
    int level = keyFields.size(); // the key field compared with "gt" in the next ask
    while (true) {
      List<FieldCondition> after = position == null ? List.of() : after(position, level);
      BrowsePage page = ask(after);
      List<QadRecord> rows = page.rows();
      rows.forEach(this::checkProgress);
      if (!rows.isEmpty()) {
        sink.accept(rows, second);
        position = values(rows.get(rows.size() - 1));
      }
      if (position == null || (after.isEmpty() && !page.hasMore())) {
        return; // an empty second, or all of it in one answer
      }
      if (!rows.isEmpty() && page.hasMore()) {
        level = keyFields.size(); // more after the new position, from its deepest level
      } else if (--level == 0) {
        return;
      }
    }
  }

  private BrowsePage ask(List<FieldCondition> after) {
    try {
      return client.browse(entity, BrowseQuery.modifiedAt(second, 1, pageSize).where(after));
    } catch (QadRejectedException e) {
      if (after.isEmpty()) {
        throw e;
      }
      throw new ReadStalledException(
          where() + "QAD refused the key filter " + after + "; stopped instead of skipping", e);
    }
  }

  /** Rows come strictly after the position asked for, in the second asked for, or we stop. */
  private void checkProgress(QadRecord row) {
    if (!row.modified().equals(second) || !handedOver.add(row.key())) {
      throw new ReadStalledException(
          where()
              + "QAD answered row "
              + row.key()
              + " (modified "
              + row.modified()
              + ") when asked for the rows after it: it does not filter on the key fields "
              + keyFields
              + " (check the browse mapping); stopped instead of paging by offset, which skips"
              + " rows");
    }
  }

  private String where() {
    return entity.wireName() + ", tied second " + second + ": ";
  }

  private List<FieldCondition> after(List<String> position, int level) {
    List<FieldCondition> out = new ArrayList<>(level);
    for (int i = 0; i < level - 1; i++) {
      out.add(new FieldCondition(keyFields.get(i), "eq", position.get(i)));
    }
    out.add(new FieldCondition(keyFields.get(level - 1), "gt", position.get(level - 1)));
    return out;
  }

  private List<String> values(QadRecord row) {
    return keyFields.stream().map(f -> row.fields().path(f).asText()).toList();
  }
}

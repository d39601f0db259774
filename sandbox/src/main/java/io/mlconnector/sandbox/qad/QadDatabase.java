package io.mlconnector.sandbox.qad;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/** The tables of one tenant, and the clock that stamps their modified times. */
public final class QadDatabase {
  private final Map<QadEntity, QadTable> tables = new EnumMap<>(QadEntity.class);
  private final Clock clock;

  QadDatabase(Clock clock) {
    this.clock = clock;
    for (QadEntity entity : QadEntity.values()) {
      tables.put(entity, new QadTable(entity));
    }
  }

  public QadTable table(QadEntity entity) {
    return tables.get(entity);
  }

  public Instant now() {
    return clock.instant();
  }

  /** Inserts a row stamped modified now. */
  public QadRow insert(QadEntity entity, Map<String, ?> fields) {
    return table(entity).put(QadRow.of(entity, fields, now()));
  }

  /** Changes fields of a row (key as {@code a|b}) and bumps its modified time to now. */
  public QadRow change(QadEntity entity, String key, Map<String, ?> changes) {
    return table(entity).change(key, changes, now());
  }
}

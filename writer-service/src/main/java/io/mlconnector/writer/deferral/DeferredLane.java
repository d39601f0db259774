package io.mlconnector.writer.deferral;

import io.mlconnector.common.kafka.ConsumedEvent;
import java.util.List;

/**
 * A kind of record that waits per tenant while its target is unavailable (a bean; {@link
 * DeferredReplay} replays every lane it finds).
 */
public interface DeferredLane {
  /** The lane's name in {@code deferred_record.lane} and in metrics, e.g. {@code servicenow}. */
  String name();

  /** The stage a record is parked under if it keeps failing on replay for other reasons. */
  String stage();

  /**
   * Handles one tenant's waiting records, oldest first, as the consumer would have.
   *
   * @return the records that must wait longer because the target is still unavailable, always a
   *     record together with every later record of the same key; empty when all were handled
   * @throws Exception anything else (database, a bug): the records stay, the first is parked after
   *     repeated failures
   */
  List<ConsumedEvent> replay(List<ConsumedEvent> events) throws Exception;
}

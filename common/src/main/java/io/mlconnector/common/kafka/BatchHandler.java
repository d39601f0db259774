package io.mlconnector.common.kafka;

import java.util.List;

/**
 * Handles the readable events of one poll, so a handler can batch its calls (the writer's staging
 * upserts). Events come in offset order per partition.
 *
 * <p>Contract: return the records that were not handled; for each partition the loop resumes at its
 * first returned failure, so events after it in that partition are delivered again (they may have
 * been handled already; handlers are idempotent). Throwing means the whole batch failed: the loop
 * then hands the events over one at a time to find the record that fails, so one bad record cannot
 * hold back a whole poll.
 */
@FunctionalInterface
public interface BatchHandler {
  List<RecordFailure> handle(List<ConsumedEvent> events) throws Exception;
}

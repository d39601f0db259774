package io.mlconnector.snpoller.poll;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.common.event.EntityType;
import io.mlconnector.pollercore.publish.PolledRecord;
import java.time.Instant;

/**
 * One record to publish as it was read: its sys_id, its {@code sys_updated_on} (as ServiceNow wrote
 * it), when it was last saved ({@code updatedAt}: that time parsed, or for an invoice the newest of
 * its header's and lines' times) and the hash of its content without bookkeeping columns.
 */
public record ChangedRecord(
    EntityType entity,
    String sysId,
    String updatedOn,
    Instant updatedAt,
    JsonNode payload,
    String contentHash) {

  /** {@code sys_updated_on#hash}: a re-save without a business change keeps its hash. */
  public String sourceVersion() {
    return updatedOn + "#" + contentHash;
  }

  /** As poller-core publishes it: keyed, identified and versioned by its sys_id. */
  public PolledRecord toPolled() {
    return new PolledRecord(sysId, sysId, sysId, sourceVersion(), updatedAt, payload, contentHash);
  }
}

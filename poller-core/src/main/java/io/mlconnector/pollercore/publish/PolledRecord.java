package io.mlconnector.pollercore.publish;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One record of a page, as its poller read it.
 *
 * @param recordKey the dedupe key in {@code published_version}
 * @param sourceId the event's {@code sourceId}
 * @param businessKey the last part of the event key ({@code tenant|family|businessKey})
 * @param sourceVersion the event's {@code sourceVersion}, e.g. {@code modified#content-hash}
 * @param modifiedAt when the source last changed it
 * @param contentHash the hash of its content without bookkeeping fields
 */
public record PolledRecord(
    String recordKey,
    String sourceId,
    String businessKey,
    String sourceVersion,
    Instant modifiedAt,
    JsonNode payload,
    String contentHash) {}

package io.mlconnector.pollercore.cursor;

import java.time.Instant;

/** A record version the broker acknowledged: the dedupe memory for re-read records. */
public record PublishedVersion(String recordKey, String contentHash, Instant modifiedAt) {}

package io.mlconnector.snpoller.cursor;

import java.time.Instant;

/** A record version the broker acknowledged: the dedupe memory for re-read records. */
public record PublishedVersion(String sysId, String contentHash, Instant modifiedAt) {}

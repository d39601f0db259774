package io.mlconnector.qadpoller.cursor;

import java.time.Instant;

/**
 * Where the next modified-since read of one tenant's entity starts: every record modified before
 * {@code lastModified} has been published and acknowledged.
 */
public record PollCursor(String entity, Instant lastModified, String lastKey, Instant updatedAt) {}

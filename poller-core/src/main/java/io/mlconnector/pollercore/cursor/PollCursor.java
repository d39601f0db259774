package io.mlconnector.pollercore.cursor;

import java.time.Instant;

/**
 * Where the next read of one tenant's entity (or table) starts: every record up to {@code
 * lastModified} (and {@code lastKey}, for keyset readers) has been published and acknowledged.
 *
 * @param entity the cursor's name: an entity wire name or a table's cursor name
 */
public record PollCursor(String entity, Instant lastModified, String lastKey, Instant updatedAt) {}

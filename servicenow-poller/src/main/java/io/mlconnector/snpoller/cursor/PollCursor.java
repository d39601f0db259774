package io.mlconnector.snpoller.cursor;

import java.time.Instant;

/**
 * Where the next read of one tenant's table starts: every row up to ({@code lastModified}, {@code
 * lastKey}) in keyset order has been published and acknowledged.
 *
 * @param table the table's cursor name
 * @param lastKey the sys_id of the last row, the tie-breaker within {@code lastModified}'s second
 */
public record PollCursor(String table, Instant lastModified, String lastKey, Instant updatedAt) {}

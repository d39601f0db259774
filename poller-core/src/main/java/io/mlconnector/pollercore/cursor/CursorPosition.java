package io.mlconnector.pollercore.cursor;

import java.time.Instant;

/**
 * Where a cursor moves once a page is acknowledged.
 *
 * @param cursorName whose cursor moves (an entity wire name or a table's cursor name)
 * @param lastKey the key of the page's last record, the tie-breaker within {@code lastModified}
 */
public record CursorPosition(String cursorName, Instant lastModified, String lastKey) {}

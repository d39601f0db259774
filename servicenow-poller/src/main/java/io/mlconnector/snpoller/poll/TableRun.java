package io.mlconnector.snpoller.poll;

import io.mlconnector.pollercore.run.TargetRun;
import java.time.Instant;

/**
 * What one poll of one tenant's table did.
 *
 * @param table the table's cursor name, e.g. {@code supplier-invoice}
 * @param read rows read from ServiceNow (overlap re-reads included)
 * @param published events the broker acknowledged
 * @param skipped records already published with the same content
 * @param error why the poll stopped early, or {@code null}
 */
public record TableRun(
    String table,
    boolean initialLoad,
    Instant startedAt,
    Instant finishedAt,
    long read,
    long published,
    long skipped,
    String error)
    implements TargetRun {}

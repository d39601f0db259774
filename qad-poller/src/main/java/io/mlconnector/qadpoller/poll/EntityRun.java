package io.mlconnector.qadpoller.poll;

import io.mlconnector.pollercore.run.TargetRun;
import java.time.Instant;

/**
 * What one poll of one tenant's entity did.
 *
 * @param read rows read from QAD (re-reads of a tie second included)
 * @param published events the broker acknowledged
 * @param skipped rows already published with the same content
 * @param error why the poll stopped early, or {@code null}
 */
public record EntityRun(
    String entity,
    boolean initialLoad,
    Instant startedAt,
    Instant finishedAt,
    long read,
    long published,
    long skipped,
    String error)
    implements TargetRun {}

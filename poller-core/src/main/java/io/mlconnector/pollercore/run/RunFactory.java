package io.mlconnector.pollercore.run;

import java.time.Instant;

/**
 * Builds a poller's run record; the record's canonical constructor fits ({@code EntityRun::new}).
 */
@FunctionalInterface
public interface RunFactory<R extends TargetRun> {
  R create(
      String target,
      boolean initialLoad,
      Instant startedAt,
      Instant finishedAt,
      long read,
      long published,
      long skipped,
      String error);
}

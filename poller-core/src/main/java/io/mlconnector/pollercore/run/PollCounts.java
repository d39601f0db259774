package io.mlconnector.pollercore.run;

import io.mlconnector.pollercore.publish.PageOutcome;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** Running counts of one poll, readable when the poll stops half-way. */
public final class PollCounts {
  private final AtomicLong read = new AtomicLong();
  private final AtomicLong published = new AtomicLong();
  private final AtomicLong skipped = new AtomicLong();

  void page(int rowsRead, PageOutcome outcome) {
    read.addAndGet(rowsRead);
    published.addAndGet(outcome.published());
    skipped.addAndGet(outcome.skipped());
  }

  public long published() {
    return published.get();
  }

  public <R extends TargetRun> R toRun(
      RunFactory<R> runs, String target, boolean initial, Instant started, String error) {
    return runs.create(
        target, initial, started, Instant.now(), read.get(), published.get(), skipped.get(), error);
  }
}

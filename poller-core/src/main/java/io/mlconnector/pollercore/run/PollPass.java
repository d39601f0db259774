package io.mlconnector.pollercore.run;

import io.mlconnector.pollercore.metrics.InitialLoad;
import io.mlconnector.pollercore.metrics.PollMetrics;
import io.mlconnector.pollercore.publish.PageOutcome;
import java.time.Instant;

/**
 * The bookkeeping of one poll of one tenant's entity or table while its poller reads: counts, the
 * published counter and, for an initial load, its progress. The poller only reads and publishes.
 */
public final class PollPass {
  private final PollMetrics metrics;
  private final String tenant;
  private final String entity;
  private final PollCounts counts;
  private final InitialLoad load;
  private final Instant started = Instant.now();

  /**
   * @param target the cursor name, which names the initial load
   * @param entity the entity wire name its events carry, which names the published counter
   * @param initial whether there is no cursor yet
   * @param source the system named in log lines, e.g. {@code QAD}
   */
  public PollPass(
      PollMetrics metrics,
      String tenant,
      String target,
      String entity,
      boolean initial,
      String source,
      PollCounts counts) {
    this.metrics = metrics;
    this.tenant = tenant;
    this.entity = entity;
    this.counts = counts;
    this.load = initial ? metrics.initialLoad(tenant, target, source) : null;
  }

  /** The source's total count of its first answer (progress of an initial load). */
  public void total(long count) {
    if (load != null) {
      load.total(count);
    }
  }

  /** One page read ({@code rowsRead} rows) and published. */
  public void page(int rowsRead, PageOutcome outcome) {
    counts.page(rowsRead, outcome);
    metrics.published(tenant, entity, outcome.published());
    if (load != null) {
      load.advance(rowsRead);
    }
  }

  /** The poll reached the end: its run record. */
  public <R extends TargetRun> R finish(RunFactory<R> runs, String target) {
    if (load != null) {
      load.finish();
    }
    return counts.toRun(runs, target, load != null, started, null);
  }
}

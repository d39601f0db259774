package io.mlconnector.pollercore.config;

import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The polling keys both pollers have, under their own prefix ({@code mlc.qad.*}, {@code
 * mlc.servicenow.*}): each poller's config group extends this interface, so the keys, env names and
 * defaults stay where they were.
 */
public interface PollerSettings {

  /** Records requested per page from the source system. */
  @WithDefault("200")
  int pageSize();

  /**
   * How far before the cursor each poll starts again, to tolerate clock skew and late commits;
   * re-read records are dropped by content hash.
   */
  @WithDefault("5s")
  Duration overlap();

  /** Whether polls run on their cadence; off, only {@code POST /polls/{tenant}/run} polls. */
  @WithDefault("true")
  boolean schedulingEnabled();

  /** How often the scheduler looks for due tenant/family polls. */
  @WithDefault("5s")
  Duration tick();

  /** Tenants polled at the same time (one thread each; a tenant never runs twice at once). */
  @WithDefault("4")
  int concurrency();

  /** How long to wait for the broker to acknowledge one page of events. */
  @WithDefault("30s")
  Duration publishTimeout();

  /**
   * How long a published version is kept beyond the overlap behind the oldest cursor that reads its
   * entity. Older ones are pruned after each complete poll: no poll re-reads them unchanged.
   */
  @WithDefault("7d")
  Duration publishedVersionRetention();
}

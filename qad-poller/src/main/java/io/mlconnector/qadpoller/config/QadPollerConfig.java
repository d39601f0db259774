package io.mlconnector.qadpoller.config;

import io.mlconnector.pollercore.config.PollerSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Configuration of the QAD poller ({@code mlc.qad.*}). The keys every poller has (page size,
 * overlap, tick, concurrency, published-version retention, ...) come from {@link PollerSettings};
 * {@code mlc.tenants} is read by poller-core's {@code PollTargets}.
 */
@ConfigMapping(prefix = "mlc")
public interface QadPollerConfig {

  /** How QAD is read. */
  Qad qad();

  /** QAD polling settings: browse page size, overlap, tick, ... and the cadences. */
  interface Qad extends PollerSettings {
    /** Default poll cadence per entity; a tenant may override each. */
    Schedule schedule();
  }

  /** Cadence per entity family (defaults from DESIGN.md). */
  interface Schedule {
    @WithDefault("30m")
    Duration suppliers();

    @WithDefault("5m")
    Duration purchaseOrders();

    @WithDefault("2m")
    Duration receipts();

    @WithDefault("30m")
    Duration dimensions();
  }
}

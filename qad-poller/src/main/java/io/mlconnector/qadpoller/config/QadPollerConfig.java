package io.mlconnector.qadpoller.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Configuration of the QAD poller ({@code mlc.*}). */
@ConfigMapping(prefix = "mlc")
public interface QadPollerConfig {

  /** Tenant ids this instance polls ({@code MLC_TENANTS}); absent = every enabled tenant. */
  Optional<List<String>> tenants();

  /** How QAD is read. */
  Qad qad();

  /** QAD polling settings. */
  interface Qad {
    /** Default poll cadence per entity; a tenant may override each. */
    Schedule schedule();

    /** Records requested per browse page. */
    @WithDefault("200")
    int pageSize();

    /**
     * How far before the cursor each poll starts again, to tolerate clock skew and records that
     * share the cursor's modified time; re-read records are dropped by content hash.
     */
    @WithDefault("5s")
    Duration overlap();

    /** Whether polls run on their cadence; off, only {@code POST /polls/{tenant}/run} polls. */
    @WithDefault("true")
    boolean schedulingEnabled();

    /** How often the scheduler looks for due tenant/entity polls. */
    @WithDefault("5s")
    Duration tick();

    /** Tenants polled at the same time (one thread each; a tenant never runs twice at once). */
    @WithDefault("4")
    int concurrency();

    /** How long to wait for the broker to acknowledge one page of events. */
    @WithDefault("30s")
    Duration publishTimeout();
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

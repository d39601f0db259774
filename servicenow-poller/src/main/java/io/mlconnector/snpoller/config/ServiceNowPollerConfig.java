package io.mlconnector.snpoller.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Configuration of the ServiceNow poller ({@code mlc.*}). */
@ConfigMapping(prefix = "mlc")
public interface ServiceNowPollerConfig {

  /** Tenant ids this instance polls ({@code MLC_TENANTS}); absent = every enabled tenant. */
  Optional<List<String>> tenants();

  /** How ServiceNow is read. */
  ServiceNow servicenow();

  /** ServiceNow polling settings. */
  interface ServiceNow {
    /** Default cadence per entity family; a tenant may override each. */
    Schedule schedule();

    /** {@code sysparm_limit} per page. */
    @WithDefault("200")
    int pageSize();

    /** Re-read window before the cursor for clock skew; re-seen versions are dropped. */
    @WithDefault("5s")
    Duration overlap();
  }

  /** Cadence per entity family (defaults from DESIGN.md). */
  interface Schedule {
    @WithDefault("2m")
    Duration invoices();

    @WithDefault("30m")
    Duration dimensions();
  }
}

package io.mlconnector.snpoller.config;

import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Push notifications ({@code mlc.servicenow.push.*}): a tenant's Business Rule asks for an
 * immediate poll. Polling stays the source of truth; these keys only bound what a notification may
 * cost.
 */
public interface PushSettings {
  /** Off: {@code POST /notify/{tenant}} refuses everything (401), polling goes on as scheduled. */
  @WithDefault("true")
  boolean enabled();

  /** Oldest (and furthest in the future) timestamp header accepted; also the replay memory. */
  @WithDefault("5m")
  Duration maxAge();

  /** Largest body accepted, in bytes; larger is a 413. */
  @WithDefault("16384")
  int maxBodyBytes();

  /** Notifications within this window after the first are served by one poll. */
  @WithDefault("1s")
  Duration coalesceWindow();

  /** Authenticated notifications per tenant and minute; more are answered 429. */
  @WithDefault("120")
  int perTenantPerMinute();
}

package io.mlconnector.console.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Configuration of the operator console ({@code mlc.console.*}). */
@ConfigMapping(prefix = "mlc.console")
public interface ConsoleConfig {

  /** Allow plain-http loopback tenant URLs (the sandbox); never in production. */
  @WithDefault("false")
  boolean sandboxMode();

  /** Bounds of the onboarding ping ({@code POST /tenants/{id}/ping}). */
  Ping ping();

  interface Ping {
    /** Budget of each system's checks; what has not finished by then is reported FAILED. */
    @WithDefault("60s")
    Duration timeout();

    /** Timeout of one HTTP call the ping makes itself (QAD calls, the probe-row DELETE). */
    @WithDefault("15s")
    Duration requestTimeout();
  }
}

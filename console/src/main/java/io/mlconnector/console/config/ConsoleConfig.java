package io.mlconnector.console.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** Configuration of the operator console ({@code mlc.console.*}). */
@ConfigMapping(prefix = "mlc.console")
public interface ConsoleConfig {

  /** Allow plain-http loopback tenant URLs (the sandbox); never in production. */
  @WithDefault("false")
  boolean sandboxMode();

  /**
   * Schemas whose {@code audit_trail} the fleet-wide audit view reads (the services' own schemas);
   * names that are not plain identifiers are ignored.
   */
  @WithDefault("qad_poller,servicenow_poller,mapper,writer,console")
  List<String> auditSchemas();

  /** Bounds of the onboarding ping ({@code POST /tenants/{id}/ping}). */
  Ping ping();

  /** The parked-record store: {@code mlc.parked} kept in {@code parked_record}. */
  Parked parked();

  interface Parked {
    /** The consumer group that keeps {@code parked_record} from {@code mlc.parked}. */
    @WithDefault("mlc-console-parked")
    String consumerGroup();
  }

  interface Ping {
    /** Budget of each system's checks; what has not finished by then is reported FAILED. */
    @WithDefault("60s")
    Duration timeout();

    /** Timeout of one HTTP call the ping makes itself (QAD calls, the probe-row DELETE). */
    @WithDefault("15s")
    Duration requestTimeout();
  }
}

package io.mlconnector.console.status;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/**
 * Where the fleet status is read ({@code mlc.console.status.*}): the schemas the other services
 * publish their state in, in the console's database.
 */
@ConfigMapping(prefix = "mlc.console.status")
public interface StatusConfig {

  /** Schemas holding a {@code poll_cursor} table, one per poller. */
  @WithDefault("qad_poller,servicenow_poller")
  List<String> pollerSchemas();

  /** Schema of the writer-service ({@code qad_invoice}). */
  @WithDefault("writer")
  String writerSchema();

  /** Schemas whose {@code audit_trail} counts as the fleet's stages. */
  @WithDefault("qad_poller,servicenow_poller,mapper,writer,console")
  List<String> auditSchemas();

  /**
   * Most backlog records read per status call to split consumer lag by tenant; beyond it the
   * per-tenant figure is a lower bound ({@code lagCapped}).
   */
  @WithDefault("20000")
  int lagScanLimit();
}

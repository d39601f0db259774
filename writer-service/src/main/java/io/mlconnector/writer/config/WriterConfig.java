package io.mlconnector.writer.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Configuration of the writer ({@code mlc.writer.*}). */
@ConfigMapping(prefix = "mlc.writer")
public interface WriterConfig {

  /** Consumer groups, one per target system so a stuck target does not stall the other. */
  Groups consumerGroups();

  /** Staging rows looked up and written per ServiceNow batch. */
  @WithDefault("100")
  int servicenowBatchSize();

  /** Consumer group names. */
  interface Groups {
    @WithDefault("mlc-writer-servicenow")
    String servicenow();

    @WithDefault("mlc-writer-qad")
    String qad();
  }
}

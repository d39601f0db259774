package io.mlconnector.writer.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Configuration of the writer ({@code mlc.writer.*}). */
@ConfigMapping(prefix = "mlc.writer")
public interface WriterConfig {

  /** Consumer groups, one per target system so a stuck target does not stall the other. */
  Groups consumerGroups();

  /**
   * Staging rows looked up and written per ServiceNow batch: one {@code u_external_idIN…} lookup
   * and (in Batch API mode) one batch call per this many rows.
   */
  @WithDefault("100")
  int servicenowBatchSize();

  /** ServiceNow side of the writer. */
  ServiceNow servicenow();

  /** Consumer group names. */
  interface Groups {
    @WithDefault("mlc-writer-servicenow")
    String servicenow();

    @WithDefault("mlc-writer-qad")
    String qad();
  }

  /** The {@code sn.upsert} consumer. */
  interface ServiceNow {
    /** Runs the consumer at startup; off only for tools that embed the service. */
    @WithDefault("true")
    boolean enabled();

    /** Records per poll (Kafka {@code max.poll.records}); lookups are grouped within a poll. */
    @WithDefault("500")
    int maxPollRecords();

    /** First pause of a partition whose batch failed (ServiceNow down); doubles per failure. */
    @WithDefault("1s")
    Duration retryBackoff();

    /** Longest pause of a failing partition. */
    @WithDefault("60s")
    Duration maxRetryBackoff();
  }
}

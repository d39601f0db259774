package io.mlconnector.common.kafka;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The connector's own Kafka settings ({@code mlc.kafka.*}), shared by producers and consumers. */
@ConfigMapping(prefix = "mlc.kafka")
public interface KafkaConfig {
  /**
   * Largest serialized event, the one limit of every producer and consumer: a producer parks an
   * event above it (reason on {@code mlc.parked}) instead of failing on it forever, a consumer
   * sends one to {@code mlc.dlq}. Must stay under the broker's {@code message.max.bytes}.
   */
  @WithDefault("1000000")
  int maxRecordBytes();

  /** Every consumer loop's failure handling. */
  Consumer consumer();

  /** Failure handling of the consumer loops. */
  interface Consumer {
    /**
     * A record that failed this many times in a row the same way (not an outage of its target) is
     * parked with the exception as reason, and its partition moves on.
     */
    @WithDefault("5")
    int maxAttempts();

    /** First pause of a partition whose record failed; doubles per failure. */
    @WithDefault("1s")
    Duration retryBackoff();

    /** Longest pause of a failing partition. */
    @WithDefault("60s")
    Duration maxRetryBackoff();
  }
}

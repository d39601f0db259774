package io.mlconnector.common.kafka;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

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

  /**
   * How every Kafka client of the service (producers, consumer loops, the console's readers, the
   * readiness check's admin client) talks to the brokers: {@code SASL_SSL} (default), {@code
   * SASL_PLAINTEXT} (loopback only: the local stack), {@code SSL} or {@code PLAINTEXT} (an opt-out
   * for brokers without authentication). Applied through {@code kafka.security.protocol} in
   * common's {@code microprofile-config.properties}.
   */
  @WithDefault("SASL_SSL")
  String securityProtocol();

  /** The service's own Kafka principal (SCRAM), used when the protocol is a SASL one. */
  Sasl sasl();

  /** SASL/SCRAM login of the service: one principal per service, its ACLs name its topics. */
  interface Sasl {
    /** {@code SCRAM-SHA-512} (default) or {@code SCRAM-SHA-256}. */
    @WithDefault("SCRAM-SHA-512")
    String mechanism();

    /** The principal's name ({@code MLC_KAFKA_SASL_USERNAME}), e.g. {@code mapper-service}. */
    Optional<String> username();

    /**
     * Its password ({@code MLC_KAFKA_SASL_PASSWORD}): printable, without quotes, backslashes or
     * spaces (it goes into a JAAS line).
     */
    Optional<String> password();
  }

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

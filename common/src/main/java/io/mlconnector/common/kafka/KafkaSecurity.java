package io.mlconnector.common.kafka;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;

/**
 * The SASL/SCRAM client settings of the connector, in one place: services get them from {@link
 * KafkaConfig} (through {@code kafka.*} expressions in common's {@code
 * microprofile-config.properties}, so Quarkus' own readiness check authenticates too); the stack,
 * the demo and the tests build them here for their own clients.
 */
public final class KafkaSecurity {
  public static final Set<String> PROTOCOLS =
      Set.of("SASL_SSL", "SASL_PLAINTEXT", "SSL", "PLAINTEXT");
  public static final Set<String> MECHANISMS = Set.of("SCRAM-SHA-512", "SCRAM-SHA-256");

  /** What a JAAS line can carry between double quotes without escaping. */
  private static final Pattern SAFE = Pattern.compile("[!#-\\[\\]-~]+");

  private KafkaSecurity() {}

  /**
   * Refuses settings no client could log in with, naming the setting; called by every Kafka client
   * the service builds before the first connection.
   *
   * @return the configuration, when usable
   * @throws IllegalStateException when the configuration cannot work
   */
  public static KafkaConfig requireUsable(KafkaConfig config) {
    String protocol = config.securityProtocol();
    if (!PROTOCOLS.contains(protocol)) {
      throw new IllegalStateException(
          "mlc.kafka.security-protocol (MLC_KAFKA_SECURITY_PROTOCOL) is '"
              + protocol
              + "'; use one of "
              + PROTOCOLS);
    }
    if (!protocol.startsWith("SASL_")) {
      return config;
    }
    if (!MECHANISMS.contains(config.sasl().mechanism())) {
      throw new IllegalStateException(
          "mlc.kafka.sasl.mechanism is '"
              + config.sasl().mechanism()
              + "'; use one of "
              + MECHANISMS);
    }
    requireSafe("mlc.kafka.sasl.username (MLC_KAFKA_SASL_USERNAME)", config.sasl().username());
    requireSafe("mlc.kafka.sasl.password (MLC_KAFKA_SASL_PASSWORD)", config.sasl().password());
    return config;
  }

  private static void requireSafe(String name, Optional<String> value) {
    if (value.isEmpty() || value.get().isBlank()) {
      throw new IllegalStateException(
          name + " is not set: the broker accepts no client without its service's principal");
    }
    if (!SAFE.matcher(value.get()).matches()) {
      throw new IllegalStateException(
          name + " holds a quote, backslash, space or control character; choose another");
    }
  }

  /** The JAAS line of a SCRAM login (the same as the expression in the properties file). */
  public static String scramJaas(String username, String password) {
    if (!SAFE.matcher(username).matches() || !SAFE.matcher(password).matches()) {
      throw new IllegalArgumentException("username or password not usable in a JAAS line");
    }
    return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
        + username
        + "\" password=\""
        + password
        + "\";";
  }

  /** Client settings of a SCRAM login over {@code protocol}, for clients built outside Quarkus. */
  public static Map<String, Object> scramClient(
      String protocol, String mechanism, String username, String password) {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, protocol);
    settings.put(SaslConfigs.SASL_MECHANISM, mechanism);
    settings.put(SaslConfigs.SASL_JAAS_CONFIG, scramJaas(username, password));
    return settings;
  }
}

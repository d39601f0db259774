package io.mlconnector.stack;

import io.mlconnector.common.kafka.KafkaSecurity;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * Client settings for a broker the stack does not run ({@code ./mlc up} with {@code
 * KAFKA_BOOTSTRAP_SERVERS}): the same {@code MLC_KAFKA_*} variables the services read, so the
 * stack's topic creation logs in like they do.
 */
final class ExternalKafka {
  private ExternalKafka() {}

  static Map<String, Object> clientSettings(Map<String, String> env) {
    String protocol = env.getOrDefault("MLC_KAFKA_SECURITY_PROTOCOL", "SASL_SSL");
    Map<String, Object> settings = new HashMap<>();
    if (!protocol.startsWith("SASL_")) {
      settings.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, protocol);
      return settings;
    }
    String user = env.get("MLC_KAFKA_SASL_USERNAME");
    String password = env.get("MLC_KAFKA_SASL_PASSWORD");
    if (user == null || password == null) {
      throw new IllegalStateException(
          "KAFKA_BOOTSTRAP_SERVERS is given with "
              + protocol
              + ": set MLC_KAFKA_SASL_USERNAME and MLC_KAFKA_SASL_PASSWORD (a principal that may"
              + " create topics), or MLC_KAFKA_SECURITY_PROTOCOL for a broker without SASL");
    }
    settings.putAll(
        KafkaSecurity.scramClient(
            protocol,
            env.getOrDefault("MLC_KAFKA_SASL_MECHANISM", "SCRAM-SHA-512"),
            user,
            password));
    return settings;
  }
}

package io.mlconnector.common.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Turns Quarkus' {@code default-kafka-broker} map (every {@code kafka.*} property, names in either
 * dotted or dashed form) into Kafka client settings.
 */
public final class KafkaSettings {
  /**
   * Keys in the map that are not for our clients: Quarkus' own, and the short API timeout meant for
   * the readiness check's admin client (a consumer's commit must not give up after 5 s).
   */
  private static final Set<String> NOT_CLIENT_SETTINGS =
      Set.of("health.enabled", "devservices", "default.api.timeout.ms");

  private KafkaSettings() {}

  public static Map<String, Object> clientSettings(Map<String, Object> quarkusKafkaConfig) {
    Map<String, Object> out = new HashMap<>();
    quarkusKafkaConfig.forEach(
        (key, value) -> {
          String dotted = key.replace('-', '.');
          if (NOT_CLIENT_SETTINGS.stream().noneMatch(dotted::startsWith)) {
            out.put(dotted, value);
          }
        });
    return out;
  }
}

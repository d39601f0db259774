package io.mlconnector.common.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Turns Quarkus' {@code default-kafka-broker} map (every {@code kafka.*} property, names in either
 * dotted or dashed form) into Kafka client settings.
 */
public final class KafkaSettings {
  /** Keys Quarkus adds to the map that are not Kafka client settings. */
  private static final Set<String> NOT_CLIENT_SETTINGS = Set.of("health.enabled", "devservices");

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

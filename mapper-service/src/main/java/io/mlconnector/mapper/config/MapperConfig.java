package io.mlconnector.mapper.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Configuration of the mapper ({@code mlc.mapper.*}). */
@ConfigMapping(prefix = "mlc.mapper")
public interface MapperConfig {

  /** Kafka consumer group; all mapper replicas share it and split the partitions. */
  @WithDefault("mlc-mapper")
  String consumerGroup();

  /** ERP source value written on every ServiceNow staging row. */
  @WithDefault("QAD")
  String erpSource();
}

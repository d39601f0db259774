package io.mlconnector.common.tenant;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the tenant registry lives ({@code mlc.tenant-registry.*}). */
@ConfigMapping(prefix = "mlc.tenant-registry")
public interface TenantRegistryConfig {
  /** Schema of the console's registry tables, read by every other service. */
  @WithDefault("console")
  String schema();
}

package io.mlconnector.common.tenant;

import java.util.List;
import java.util.Optional;

/**
 * Read access to the tenant registry for pollers and writers. Changes made through the console are
 * visible within a few seconds, without a redeploy.
 */
public interface TenantDirectory {

  /** Every enabled tenant. */
  List<Tenant> enabledTenants();

  /** One tenant, enabled or not. */
  Optional<Tenant> find(String id);
}

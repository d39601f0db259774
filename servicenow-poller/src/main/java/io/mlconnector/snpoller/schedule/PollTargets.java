package io.mlconnector.snpoller.schedule;

import io.mlconnector.common.tenant.Tenant;
import io.mlconnector.common.tenant.TenantDirectory;
import io.mlconnector.snpoller.config.ServiceNowPollerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** The tenants this instance polls: enabled ones, restricted to {@code mlc.tenants} when set. */
@ApplicationScoped
public class PollTargets {
  private final TenantDirectory directory;
  private final ServiceNowPollerConfig config;

  public PollTargets(TenantDirectory directory, ServiceNowPollerConfig config) {
    this.directory = directory;
    this.config = config;
  }

  public List<Tenant> tenants() {
    return directory.enabledTenants().stream().filter(t -> polledHere(t.id())).toList();
  }

  public boolean polledHere(String tenant) {
    return config.tenants().map(l -> l.contains(tenant)).orElse(true);
  }

  public Optional<Tenant> find(String tenant) {
    return directory.find(tenant);
  }
}

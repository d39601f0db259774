package io.mlconnector.pollercore.schedule;

import io.mlconnector.common.http.ApiException;
import io.mlconnector.common.tenant.Tenant;
import io.mlconnector.common.tenant.TenantDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The tenants this instance polls: enabled ones, restricted to {@code mlc.tenants} when set. */
@ApplicationScoped
public class PollTargets {
  private final TenantDirectory directory;
  private final Optional<List<String>> restriction;

  /**
   * @param restriction tenant ids this instance polls ({@code MLC_TENANTS}); absent = every enabled
   *     tenant
   */
  public PollTargets(
      TenantDirectory directory,
      @ConfigProperty(name = "mlc.tenants") Optional<List<String>> restriction) {
    this.directory = directory;
    this.restriction = restriction;
  }

  public List<Tenant> tenants() {
    return directory.enabledTenants().stream().filter(t -> polledHere(t.id())).toList();
  }

  public boolean polledHere(String tenant) {
    return restriction.map(l -> l.contains(tenant)).orElse(true);
  }

  public Optional<Tenant> find(String tenant) {
    return directory.find(tenant);
  }

  /** The tenant, if this instance polls it; otherwise the API error that says how to fix it. */
  public Tenant pollable(String tenantId) {
    Tenant tenant = find(tenantId).orElseThrow(() -> ApiException.notFound("tenant " + tenantId));
    if (!tenant.enabled() || !polledHere(tenantId)) {
      throw ApiException.badRequest(
          "tenant " + tenantId + " is not polled by this instance",
          "enable the tenant in the console, or add it to MLC_TENANTS of this poller");
    }
    return tenant;
  }
}

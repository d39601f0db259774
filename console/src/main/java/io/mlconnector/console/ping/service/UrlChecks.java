package io.mlconnector.console.ping.service;

import io.mlconnector.common.tenant.Tenant;
import io.mlconnector.common.tenant.TenantUrlPolicy;
import io.mlconnector.common.tenant.TenantUrlPolicy.RejectedUrlException;
import io.mlconnector.console.config.ConsoleConfig;
import io.mlconnector.console.ping.report.CheckSink;
import io.mlconnector.console.ping.report.PingCheck;
import io.mlconnector.console.ping.report.PingSystem;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;

/**
 * The tenant URLs against {@link TenantUrlPolicy} again: they passed when saved, but a DNS name may
 * resolve elsewhere now, and the console's sandbox mode may have been switched off since.
 */
@ApplicationScoped
public class UrlChecks {
  private final TenantUrlPolicy policy;
  private final boolean sandboxMode;

  public UrlChecks(TenantUrlPolicy policy, ConsoleConfig config) {
    this.policy = policy;
    this.sandboxMode = config.sandboxMode();
  }

  /** Adds the check; returns whether the URL may be called. */
  boolean check(Tenant tenant, PingSystem system, CheckSink sink) {
    boolean qad = system == PingSystem.QAD;
    URI url = qad ? tenant.qad().baseUrl() : tenant.servicenow().instanceUrl();
    String field = qad ? "qad.baseUrl" : "servicenow.instanceUrl";
    String name = qad ? "qad.url" : "servicenow.url";
    String tried = "checked " + field + " " + url + " against the tenant URL rules (and DNS)";
    try {
      policy.validateBaseUrl(url, tenant.sandbox() && sandboxMode, tenant.allowPrivateNetwork());
      sink.add(PingCheck.passed(name, system, tried, "URL allowed"));
      return true;
    } catch (RejectedUrlException e) {
      sink.add(
          PingCheck.failed(
              name,
              system,
              tried,
              "correct " + field + " (PUT /tenants/" + tenant.id() + "); nothing was sent to it",
              field + " rejected by " + e.getMessage()));
      return false;
    }
  }
}

package io.mlconnector.console.config;

import io.mlconnector.common.tenant.TenantUrlPolicy;
import io.mlconnector.common.tenant.TenantUrlPolicy.HostResolver;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The URL rules with the system DNS; tests replace the resolver with an alternative bean. */
public class UrlPolicyProducer {

  @Produces
  @Singleton
  HostResolver systemDns() {
    return HostResolver.system();
  }

  @Produces
  @Singleton
  TenantUrlPolicy tenantUrlPolicy(HostResolver resolver) {
    return new TenantUrlPolicy(resolver);
  }
}

package io.mlconnector.qadclient;

import io.mlconnector.common.breaker.BreakerBoard;
import io.mlconnector.common.ratelimit.TenantRateLimits;
import io.mlconnector.common.tenant.Tenant;
import io.mlconnector.qadclient.browse.BrowseMapping;
import io.mlconnector.qadclient.config.QadClientConfig;
import io.quarkus.oidc.client.OidcClients;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The QAD client of each tenant, built on first use and cached; rebuilt when the tenant's QAD
 * settings (URL, workspace, credentials, sandbox flag) change in the registry. A rebuilt client
 * starts with a fresh token and a closed breaker.
 */
@ApplicationScoped
public class QadClients {
  private record Entry(Tenant.Qad qad, boolean sandbox, QadClient client) {}

  private final Map<String, Entry> clients = new ConcurrentHashMap<>();
  private final OidcClients oidcClients;
  private final QadClientSettings settings;
  private final BrowseMapping mapping;
  private final TenantRateLimits rateLimits;
  private final BreakerBoard breakers;
  private final String userAgent;

  /**
   * @param rateLimits the fleet's shared rate limits (common's database-backed bean); without one
   *     (a tool, a test without a database) each client knows only its own 429s
   * @param breakers where the tenants' breakers publish their state (common's database-backed
   *     bean); without one the state stays in this process
   * @param application the service's name, sent as {@code User-Agent: ml-connector/<name>}
   * @param oidcClients makes each tenant's token client at runtime (password grant)
   */
  public QadClients(
      OidcClients oidcClients,
      QadClientConfig config,
      Instance<TenantRateLimits> rateLimits,
      Instance<BreakerBoard> breakers,
      @ConfigProperty(name = "quarkus.application.name", defaultValue = "ml-connector")
          String application) {
    this.oidcClients = oidcClients;
    this.rateLimits = rateLimits.isResolvable() ? rateLimits.get() : TenantRateLimits.local();
    this.breakers = breakers.isResolvable() ? breakers.get() : BreakerBoard.NONE;
    this.userAgent = QadClient.DEFAULT_USER_AGENT + "/" + application;
    QadClientSettings d = QadClientSettings.defaults();
    this.settings =
        new QadClientSettings(
            d.connectTimeout(),
            config.requestTimeout(),
            config.maxAttempts(),
            config.backoffBase(),
            config.backoffMax(),
            d.maxThrottledRetries(),
            config.tokenRefreshRatio(),
            config.breaker().failureThreshold(),
            config.breaker().openFor(),
            config.retryAfterCap(),
            config.maxBodyBytes());
    this.mapping =
        config
            .browseMapping()
            .map(Path::of)
            .map(BrowseMapping::fromFile)
            .orElseGet(BrowseMapping::defaults);
  }

  /** The client of a tenant, rebuilt if its QAD settings differ from the cached one's. */
  public QadClient forTenant(Tenant tenant) {
    return clients
        .compute(
            tenant.id(),
            (id, e) -> {
              if (e != null && e.qad().equals(tenant.qad()) && e.sandbox() == tenant.sandbox()) {
                return e;
              }
              if (e != null) {
                e.client().close();
              }
              return new Entry(tenant.qad(), tenant.sandbox(), create(tenant, settings));
            })
        .client();
  }

  /**
   * A new, uncached client with its own settings (the console's ping uses shorter timeouts),
   * sharing the fleet's rate limits and this service's name. The caller closes it.
   */
  public QadClient create(Tenant tenant, QadClientSettings settings) {
    return QadClient.create(
        oidcClients, tenant, settings, mapping, Clock.systemUTC(), rateLimits, userAgent, breakers);
  }

  /** Forgets a tenant's client (tenant removed, or its breaker should be reset). */
  public void evict(String tenantId) {
    Entry e = clients.remove(tenantId);
    if (e != null) {
      e.client().close();
    }
  }

  @PreDestroy
  void closeAll() {
    clients.values().forEach(e -> e.client().close());
  }

  public BrowseMapping mapping() {
    return mapping;
  }
}

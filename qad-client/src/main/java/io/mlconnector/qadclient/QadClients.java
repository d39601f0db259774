package io.mlconnector.qadclient;

import io.mlconnector.common.tenant.Tenant;
import io.mlconnector.qadclient.browse.BrowseMapping;
import io.mlconnector.qadclient.config.QadClientConfig;
import io.mlconnector.qadclient.http.Sleeper;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The QAD client of each tenant, built on first use and cached; rebuilt when the tenant's QAD
 * settings (URL, workspace, credentials, sandbox flag) change in the registry. A rebuilt client
 * starts with a fresh token and a closed breaker.
 */
@ApplicationScoped
public class QadClients {
  private record Entry(Tenant.Qad qad, boolean sandbox, QadClient client) {}

  private final Map<String, Entry> clients = new ConcurrentHashMap<>();
  private final QadClientSettings settings;
  private final BrowseMapping mapping;

  public QadClients(QadClientConfig config) {
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
            (id, e) ->
                e != null && e.qad().equals(tenant.qad()) && e.sandbox() == tenant.sandbox()
                    ? e
                    : new Entry(
                        tenant.qad(),
                        tenant.sandbox(),
                        QadClient.create(
                            tenant, settings, mapping, Clock.systemUTC(), Sleeper.REAL)))
        .client();
  }

  /** Forgets a tenant's client (tenant removed, or its breaker should be reset). */
  public void evict(String tenantId) {
    clients.remove(tenantId);
  }

  public BrowseMapping mapping() {
    return mapping;
  }
}

package io.mlconnector.qadclient;

import io.mlconnector.common.tenant.Tenant;
import io.mlconnector.qadclient.browse.BrowseMapping;
import io.mlconnector.qadclient.http.Sleeper;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
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
  private final QadClientSettings settings;
  private final BrowseMapping mapping;

  public QadClients(
      @ConfigProperty(name = "mlc.qad-client.max-attempts", defaultValue = "4") int maxAttempts,
      @ConfigProperty(name = "mlc.qad-client.backoff-base", defaultValue = "500ms")
          Duration backoffBase,
      @ConfigProperty(name = "mlc.qad-client.backoff-max", defaultValue = "10s")
          Duration backoffMax,
      @ConfigProperty(name = "mlc.qad-client.request-timeout", defaultValue = "30s")
          Duration requestTimeout,
      @ConfigProperty(name = "mlc.qad-client.token-refresh-ratio", defaultValue = "0.8")
          double refreshRatio,
      @ConfigProperty(name = "mlc.qad-client.breaker.failure-threshold", defaultValue = "5")
          int breakerThreshold,
      @ConfigProperty(name = "mlc.qad-client.breaker.open-for", defaultValue = "30s")
          Duration breakerOpenFor,
      @ConfigProperty(name = "mlc.qad-client.browse-mapping") Optional<String> mappingFile) {
    QadClientSettings d = QadClientSettings.defaults();
    this.settings =
        new QadClientSettings(
            d.connectTimeout(),
            requestTimeout,
            maxAttempts,
            backoffBase,
            backoffMax,
            d.maxThrottledRetries(),
            refreshRatio,
            breakerThreshold,
            breakerOpenFor);
    this.mapping =
        mappingFile.map(Path::of).map(BrowseMapping::fromFile).orElseGet(BrowseMapping::defaults);
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

package io.mlconnector.snclient;

import io.mlconnector.common.auth.TenantTokens;
import io.mlconnector.common.breaker.BreakerBoard;
import io.mlconnector.common.breaker.CircuitBreaker;
import io.mlconnector.common.ratelimit.TenantRateLimits;
import io.mlconnector.common.retry.CallGuard;
import io.mlconnector.common.retry.RetryPolicy;
import io.mlconnector.common.tenant.Tenant;
import io.mlconnector.snclient.auth.TokenFailures;
import io.mlconnector.snclient.config.ServiceNowClientConfig;
import io.mlconnector.snclient.http.InstancePaths;
import io.mlconnector.snclient.http.ServiceNowCallObserver;
import io.mlconnector.snclient.http.ServiceNowTransport;
import io.mlconnector.snclient.http.ServiceNowTransport.Fleet;
import io.mlconnector.snclient.http.ServiceNowTransport.TransportLimits;
import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.OidcClients;
import io.quarkus.oidc.client.runtime.OidcClientConfig;
import io.quarkus.oidc.common.runtime.config.OidcClientCommonConfig.Credentials.Secret.Method;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One {@link ServiceNowClient} per tenant, built on first use with its own OidcClient (created at
 * runtime, client-credentials grant at {@code {instance}/oauth_token.do}), token cache and circuit
 * breaker. A tenant whose instance URL or credentials changed in the registry gets a new client.
 */
@ApplicationScoped
public class ServiceNowClients {
  private final OidcClients oidcClients;
  private final ServiceNowClientConfig config;
  private final ServiceNowCallObserver observer;
  private final Fleet fleet;
  private final Map<String, Entry> clients = new ConcurrentHashMap<>();

  private record Entry(
      Tenant.ServiceNow settings,
      ServiceNowClient client,
      OidcClient oidc,
      ServiceNowTransport transport) {
    void close() {
      transport.close();
      try {
        oidc.close();
      } catch (IOException | RuntimeException ignored) {
        // Closing only frees its HTTP pool; nothing to recover.
      }
    }
  }

  /**
   * @param rateLimits the fleet's shared rate limits (common's database-backed bean); without one
   *     (a test without a database) each client knows only its own 429s
   * @param breakers where the tenants' breakers publish their state (common's database-backed
   *     bean); without one the state stays in this process
   * @param application the service's name, sent as {@code User-Agent: ml-connector/<name>}
   */
  @Inject
  public ServiceNowClients(
      OidcClients oidcClients,
      ServiceNowClientConfig config,
      Instance<ServiceNowCallObserver> observers,
      Instance<TenantRateLimits> rateLimits,
      Instance<BreakerBoard> breakers,
      @ConfigProperty(name = "quarkus.application.name", defaultValue = "ml-connector")
          String application) {
    this(
        oidcClients,
        config,
        observers,
        new Fleet(
            rateLimits.isResolvable() ? rateLimits.get() : TenantRateLimits.local(),
            "ml-connector/" + application,
            breakers.isResolvable() ? breakers.get() : BreakerBoard.NONE));
  }

  /** With a given fleet (tests that play several services against one instance). */
  public ServiceNowClients(
      OidcClients oidcClients,
      ServiceNowClientConfig config,
      Instance<ServiceNowCallObserver> observers,
      Fleet fleet) {
    this.fleet = fleet;
    this.oidcClients = oidcClients;
    this.config = config;
    this.observer =
        (tenant, endpoint, status) -> observers.forEach(o -> o.onCall(tenant, endpoint, status));
  }

  /** The tenant's client; the same instance for as long as its ServiceNow settings stay equal. */
  public ServiceNowClient forTenant(Tenant tenant) {
    Entry entry =
        clients.compute(
            tenant.id(),
            (id, existing) ->
                existing != null && existing.settings().equals(tenant.servicenow())
                    ? existing
                    : create(tenant, existing));
    return entry.client();
  }

  private Entry create(Tenant tenant, Entry replaced) {
    if (replaced != null) {
      replaced.close();
    }
    Tenant.ServiceNow sn = tenant.servicenow();
    Objects.requireNonNull(sn.clientSecret(), "tenant " + tenant.id() + " has no client secret");
    InstancePaths paths = new InstancePaths(sn.instanceUrl());
    OidcClientConfig oidcConfig =
        OidcClientConfig.builder()
            .id("servicenow-" + tenant.id())
            .authServerUrl(paths.base().toString().replaceAll("/$", ""))
            .discoveryEnabled(false)
            .tokenPath("/oauth_token.do")
            .clientId(sn.clientId())
            .credentials()
            .clientSecret(sn.clientSecret().reveal(), Method.POST)
            .end()
            .grant(OidcClientConfig.Grant.Type.CLIENT)
            .connectionTimeout(config.connectTimeout())
            // A redirected token request would carry the client secret to wherever it points.
            .followRedirects(false)
            .build();
    OidcClient oidc = oidcClients.newClient(oidcConfig).await().atMost(config.requestTimeout());
    TenantTokens tokens =
        new TenantTokens(
            oidc,
            config.token().refreshAt(),
            config.token().refreshSkew(),
            config.requestTimeout(),
            Clock.systemUTC(),
            new TokenFailures(tenant.id()));
    CircuitBreaker breaker =
        new CircuitBreaker(
            tenant.id(),
            TenantRateLimits.SERVICENOW,
            config.breaker().failureThreshold(),
            config.breaker().openFor(),
            Clock.systemUTC(),
            ServiceNowTransport::isOutage,
            fleet.breakers());
    CallGuard guard =
        new CallGuard(
            tenant.id(),
            TenantRateLimits.SERVICENOW,
            new RetryPolicy(
                config.retry().maxAttempts(),
                config.retry().initialBackoff(),
                config.retry().maxBackoff(),
                config.retry().maxRateLimitWaits(),
                config.retry().retryAfterCap()),
            fleet.rateLimits(),
            breaker);
    ServiceNowTransport transport =
        new ServiceNowTransport(
            tenant.id(),
            paths.base(),
            tokens,
            guard,
            new TransportLimits(
                config.connectTimeout(),
                config.requestTimeout(),
                config.retry().retryAfterCap(),
                config.maxBodyBytes()),
            observer,
            fleet.userAgent());
    BatchApi batchApi =
        new BatchApi(
            paths,
            transport,
            new BatchSizer(
                config.batch().timeBudget(),
                config.batch().initialItems(),
                config.batch().maxItems()),
            guard,
            config.retry().maxBatchResends());
    ServiceNowClient client =
        new ServiceNowClient(tenant.id(), paths, transport, batchApi, config.maxPagesPerQuery());
    return new Entry(sn, client, oidc, transport);
  }

  @PreDestroy
  void closeAll() {
    clients.values().forEach(Entry::close);
    clients.clear();
  }
}

package io.mlconnector.qadclient;

import io.mlconnector.common.ratelimit.LocalRateLimits;
import io.mlconnector.common.ratelimit.RequestBudgets;
import io.mlconnector.common.tenant.Secret;
import io.mlconnector.common.tenant.Tenant;
import io.mlconnector.qadclient.browse.BrowseMapping;
import io.mlconnector.sandbox.qad.QadSimulator;
import io.mlconnector.sandbox.qad.QadTenant;
import io.mlconnector.sandbox.qad.QadTenantConfig;
import io.mlconnector.sandbox.qad.SettableClock;
import io.mlconnector.sandbox.seed.SeedData;
import io.mlconnector.sandbox.seed.SeedSize;
import io.quarkus.arc.Arc;
import io.quarkus.oidc.client.OidcClients;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** An embedded QAD simulator on a settable clock, one seeded tenant, and a client for it. */
final class SandboxQad implements AutoCloseable {
  static final SeedSize SMALL = SeedSize.ofScale(1);

  final SettableClock clock = new SettableClock(Instant.parse("2025-03-01T10:00:00Z"));
  final QadSimulator simulator = QadSimulator.start(0, clock);
  final QadTenant qad;
  final Tenant tenant;

  SandboxQad(String name, Duration tokenLifetime) {
    qad = simulator.addTenant(QadTenantConfig.defaults(name).withTokenLifetime(tokenLifetime));
    simulator.loadSeed(name, SeedData.generate(7, SMALL));
    tenant = tenant(name, simulator.tenantUrl(name), "sandbox-" + name);
  }

  static Tenant tenant(String name, URI url, String password) {
    return new Tenant(
        name,
        name,
        true,
        new Tenant.Qad(
            url, "10USA_10USACO", "mlc-connector", "mlc.integration", new Secret(password)),
        new Tenant.ServiceNow(URI.create("http://127.0.0.1:9"), "sn", new Secret("x"), false),
        Map.of(),
        Map.of(),
        true,
        false);
  }

  QadClient client() {
    return client(tenant, settings());
  }

  /**
   * A client whose tokens and breaker pauses run on the simulator's clock; its retries wait in real
   * time (SmallRye's), so its rate limits run on the system clock.
   */
  QadClient client(Tenant t, QadClientSettings s) {
    return QadClient.create(oidc(), t, s, BrowseMapping.defaults(), clock);
  }

  /**
   * A client whose fleet pauses run on the simulator's clock too: a test can pass a day at once.
   */
  QadClient clientOnSimulatorClock() {
    return QadClient.create(
        oidc(),
        tenant,
        settings(),
        BrowseMapping.defaults(),
        clock,
        new LocalRateLimits(RequestBudgets.NONE, clock),
        QadClient.DEFAULT_USER_AGENT);
  }

  /**
   * The OIDC client factory of the Quarkus test application the test runs in
   * ({@code @QuarkusTest}): the clients' tokens go through quarkus-oidc-client, which needs its
   * runtime.
   */
  static OidcClients oidc() {
    return Arc.container().instance(OidcClients.class).get();
  }

  static QadClientSettings settings() {
    return QadClientSettings.defaults()
        .withBackoff(3, Duration.ofMillis(100), Duration.ofSeconds(1))
        .withBreaker(50, Duration.ofSeconds(30));
  }

  long calls(String endpoint) {
    return qad.counters().get(endpoint);
  }

  @Override
  public void close() {
    simulator.close();
  }
}

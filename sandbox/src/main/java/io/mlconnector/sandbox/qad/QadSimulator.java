package io.mlconnector.sandbox.qad;

import io.mlconnector.sandbox.Simulator;
import io.mlconnector.sandbox.http.SimServer;
import io.mlconnector.sandbox.seed.SeedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A QAD Adaptive ERP stand-in: one loopback HTTP server hosting many tenants, each under its own
 * base URL {@code {baseUri}/qad/{tenant}/clouderp}, with the OAuth token endpoint, browse reads,
 * supplier invoice creation with three-way match, and an admin surface under {@code /qad-admin}.
 */
public final class QadSimulator implements Simulator {
  private final Map<String, QadTenant> tenants = new ConcurrentHashMap<>();
  private final Clock clock;
  private final BrowseCatalog browses;
  private final SimServer server = new SimServer();

  private QadSimulator(Clock clock, BrowseCatalog browses) {
    this.clock = clock;
    this.browses = browses;
  }

  /** Starts on a loopback port (0 = any free port) with the system clock. */
  public static QadSimulator start(int port) {
    return start(port, Clock.systemUTC());
  }

  /** Starts with the given clock for modified times and token expiry. */
  public static QadSimulator start(int port, Clock clock) {
    return start(port, clock, BrowseCatalog.loadDefault());
  }

  public static QadSimulator start(int port, Clock clock, BrowseCatalog browses) {
    QadSimulator simulator = new QadSimulator(clock, browses);
    simulator.routes();
    try {
      simulator.server.start(port);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start QAD simulator on port " + port, e);
    }
    return simulator;
  }

  private void routes() {
    ApiGuard guard = new ApiGuard(tenants::get);
    BrowseEndpoint browse = new BrowseEndpoint(browses);
    String base = "/qad/{tenant}/clouderp";
    server.route(
        "POST", base + "/oauth/token", guard.open("POST /oauth/token", OAuthEndpoint::token));
    server.route(
        "GET",
        base + "/api/qracore/browses",
        guard.api("GET /api/qracore/browses", browse::browse));
    String invoices = base + "/api/erp/supplierInvoices";
    server.route(
        "POST",
        invoices,
        guard.api(
            "POST /api/erp/supplierInvoices",
            (t, r) ->
                t.faults()
                    .ambiguousWrites()
                    .answer(
                        FaultSwitches.SUPPLIER_INVOICE_POST,
                        SupplierInvoiceEndpoint.create(t, r))));
    server.route(
        "GET", invoices, guard.api("GET /api/erp/supplierInvoices", SupplierInvoiceEndpoint::list));
    server.route(
        "GET",
        invoices + "/{voucher}",
        guard.api("GET /api/erp/supplierInvoices/{voucher}", SupplierInvoiceEndpoint::byVoucher));
    new AdminEndpoints(tenants::get).register(server, this);
  }

  /** Adds (or replaces) a tenant. */
  public QadTenant addTenant(QadTenantConfig config) {
    QadTenant tenant = new QadTenant(config, clock);
    tenants.put(config.tenant(), tenant);
    return tenant;
  }

  /** Adds a tenant with {@link QadTenantConfig#defaults(String)}. */
  public QadTenant addTenant(String tenant) {
    return addTenant(QadTenantConfig.defaults(tenant));
  }

  public QadTenant tenant(String name) {
    QadTenant tenant = tenants.get(name);
    if (tenant == null) {
      throw new IllegalArgumentException("no QAD tenant " + name);
    }
    return tenant;
  }

  /** Loads seed data into an existing tenant. */
  public QadTenant loadSeed(String tenant, SeedData seed) {
    return tenant(tenant).loadSeed(seed);
  }

  /** The tenant's base URL, e.g. {@code http://127.0.0.1:41234/qad/acme/clouderp}. */
  public URI tenantUrl(String tenant) {
    return URI.create(baseUri() + "/qad/" + tenant + "/clouderp");
  }

  /** The admin base URL of a tenant, {@code {baseUri}/qad-admin/{tenant}}. */
  public URI adminUrl(String tenant) {
    return URI.create(baseUri() + AdminEndpoints.PREFIX + "/" + tenant);
  }

  public BrowseCatalog browses() {
    return browses;
  }

  public Clock clock() {
    return clock;
  }

  /**
   * Per client ({@code User-Agent}): calls that arrived for a tenant while a 429's {@code
   * Retry-After} given to any client of that tenant was still running. A rate limit is the
   * tenant's, so every service of the fleet must wait, not only the one that was answered.
   */
  public java.util.Map<String, Long> throttleViolationsByClient() {
    return server.throttleViolationsByClient();
  }

  /** The first of those calls: client, method, path and how early. */
  public java.util.List<String> throttleViolationCalls() {
    return server.throttleViolationCalls();
  }

  /** Calls that came back before the {@code Retry-After} of a 429 on their connection. */
  public long retryAfterViolations() {
    return server.retryAfterViolations();
  }

  /** The first of those calls: method, path and how early. */
  public java.util.List<String> retryAfterViolationCalls() {
    return server.retryAfterViolationCalls();
  }

  @Override
  public URI baseUri() {
    return server.baseUri();
  }

  @Override
  public void close() {
    server.close();
  }
}

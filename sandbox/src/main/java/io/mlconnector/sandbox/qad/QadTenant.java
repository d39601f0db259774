package io.mlconnector.sandbox.qad;

import io.mlconnector.sandbox.seed.SeedData;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One simulated QAD customer: its data, tokens, invoices, faults and counters. This is the Java API
 * tests use to arrange data and to look behind the HTTP surface.
 */
public final class QadTenant {
  private volatile QadTenantConfig config;
  private final QadDatabase database;
  private final TokenStore tokens;
  private final FaultSwitches faults = new FaultSwitches();
  private final CallCounters counters = new CallCounters();
  private final SupplierInvoiceLedger invoices = new SupplierInvoiceLedger();
  private final SupplierInvoiceDesk invoiceDesk;
  private final PurchasingDesk purchasing;
  private final ReceivingDock receiving;

  QadTenant(QadTenantConfig config, Clock clock) {
    this.config = config;
    this.database = new QadDatabase(clock);
    this.tokens = new TokenStore(clock, config.tokenLifetime(), config.refreshTokenLifetime());
    this.invoiceDesk = new SupplierInvoiceDesk(database, invoices, () -> this.config.tolerance());
    this.purchasing = new PurchasingDesk(database);
    this.receiving = new ReceivingDock(database);
  }

  public QadTenantConfig config() {
    return config;
  }

  public String name() {
    return config.tenant();
  }

  public QadDatabase database() {
    return database;
  }

  public QadTable table(QadEntity entity) {
    return database.table(entity);
  }

  public FaultSwitches faults() {
    return faults;
  }

  public CallCounters counters() {
    return counters;
  }

  public SupplierInvoiceLedger invoices() {
    return invoices;
  }

  /** Creates invoices directly, bypassing HTTP (same rules). */
  public SupplierInvoiceDesk invoiceDesk() {
    return invoiceDesk;
  }

  public PurchasingDesk purchasing() {
    return purchasing;
  }

  public ReceivingDock receiving() {
    return receiving;
  }

  /**
   * Loads seed data (keeping its modified times); existing rows with the same keys are replaced.
   */
  public QadTenant loadSeed(SeedData seed) {
    SeedLoader.load(seed, database);
    return this;
  }

  /** Changes fields of a record ({@code key} as {@code a|b}) and bumps its modified time. */
  public QadRow change(QadEntity entity, String key, Map<String, ?> changes) {
    return database.change(entity, key, changes);
  }

  /** Invalidates every issued access and refresh token; clients must log in again. */
  public void revokeTokens() {
    tokens.revokeAll();
  }

  /** Changes match tolerances from now on. */
  public void tolerance(MatchTolerance tolerance) {
    config = config.withTolerance(tolerance);
  }

  /** Lifetime of tokens issued from now on. */
  public void tokenLifetime(java.time.Duration lifetime) {
    config = config.withTokenLifetime(lifetime);
    tokens.lifetime(lifetime);
  }

  /**
   * Stamps the first {@code count} rows of a table (in browse order) with the same modified time,
   * as a mass update does: hundreds of ties that straddle any page boundary.
   */
  public List<QadRow> shareModifiedTime(QadEntity entity, int count, Instant at) {
    QadTable table = database.table(entity);
    List<QadRow> chosen = table.all().stream().limit(count).toList();
    return chosen.stream().map(row -> table.put(row.with(Map.of(), at))).toList();
  }

  TokenStore tokens() {
    return tokens;
  }
}

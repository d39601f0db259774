package io.mlconnector.sandbox.servicenow;

import io.mlconnector.sandbox.servicenow.auth.Authenticator;
import io.mlconnector.sandbox.servicenow.auth.OAuthClient;
import io.mlconnector.sandbox.servicenow.auth.TokenRegistry;
import io.mlconnector.sandbox.servicenow.auth.UserAccount;
import io.mlconnector.sandbox.servicenow.auth.UserDirectory;
import io.mlconnector.sandbox.servicenow.clerk.AccountsPayableClerk;
import io.mlconnector.sandbox.servicenow.fault.FaultSwitches;
import io.mlconnector.sandbox.servicenow.push.PushBusinessRule;
import io.mlconnector.sandbox.servicenow.table.AclDenial;
import io.mlconnector.sandbox.servicenow.table.RowReadAcl;
import io.mlconnector.sandbox.servicenow.table.TableCatalog;
import io.mlconnector.sandbox.servicenow.table.TableDefinition;
import io.mlconnector.sandbox.servicenow.table.TableStore;
import io.mlconnector.sandbox.servicenow.traffic.CallCounters;
import io.mlconnector.sandbox.servicenow.traffic.LatencyModel;
import io.mlconnector.sandbox.servicenow.traffic.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One simulated ServiceNow instance (one tenant): its tables, users, OAuth clients, ACLs, system
 * properties, rate limits, faults and call counters. Everything a test needs to arrange or inspect
 * is reachable from here without HTTP.
 */
public final class ServiceNowInstance {
  /** System property that lets the client-credentials grant work; off on a fresh instance. */
  public static final String CLIENT_CREDENTIALS_PROPERTY =
      "glide.oauth.inbound.client.credential.grant_type.enabled";

  /** System property that turns an invalid query into "no rows" instead of "ignored". */
  public static final String INVALID_QUERY_PROPERTY = "glide.invalid_query.returns_no_rows";

  private final String name;
  private final String url;
  private final Clock clock;
  private final TableCatalog catalog;
  private final TableStore store;
  private final UserDirectory directory = new UserDirectory();
  private final TokenRegistry tokens;
  private final Authenticator authenticator;
  private final RateLimiter rateLimiter;
  private final FaultSwitches faults = new FaultSwitches();
  private final CallCounters counters = new CallCounters();
  private final LatencyModel latencyModel = new LatencyModel();
  private final Map<String, String> properties = new ConcurrentHashMap<>();
  private final RowReadAcl rowAcl = new RowReadAcl();
  private volatile int batchLimit = Integer.MAX_VALUE;
  private volatile Duration batchTimeQuota = Duration.ofSeconds(30);
  private final PushBusinessRule pushRule;

  ServiceNowInstance(String name, String url, Clock clock, TableCatalog catalog) {
    this.name = name;
    this.url = url;
    this.clock = clock;
    this.catalog = catalog;
    this.store = new TableStore(catalog, this::writeTime);
    this.tokens = new TokenRegistry(clock);
    this.authenticator = new Authenticator(directory, tokens);
    this.rateLimiter = new RateLimiter(clock);
    this.pushRule = new PushBusinessRule(store, Clock.systemUTC());
  }

  public String name() {
    return name;
  }

  /** Base URL of this instance, e.g. {@code http://127.0.0.1:4711/sn/acme}. */
  public String url() {
    return url;
  }

  public Clock clock() {
    return clock;
  }

  // ---- users, clients, properties, ACLs ----

  public ServiceNowInstance addUser(String userName, String password, String... roles) {
    directory.putUser(new UserAccount(userName, password, Set.of(roles)));
    return this;
  }

  /** A client whose client-credentials tokens act as {@code applicationUser}, 1800 s lifetime. */
  public ServiceNowInstance addOAuthClient(String clientId, String secret, String applicationUser) {
    return addOAuthClient(clientId, secret, applicationUser, OAuthClient.DEFAULT_LIFETIME);
  }

  public ServiceNowInstance addOAuthClient(
      String clientId, String secret, String applicationUser, Duration tokenLifetime) {
    directory.putClient(new OAuthClient(clientId, secret, applicationUser, tokenLifetime));
    return this;
  }

  public ServiceNowInstance setProperty(String property, String value) {
    properties.put(property, value);
    return this;
  }

  public String property(String property) {
    return properties.get(property);
  }

  public boolean propertyIsTrue(String property) {
    return "true".equalsIgnoreCase(properties.get(property));
  }

  /** What an admin does before client credentials work: create the system property. */
  public ServiceNowInstance enableClientCredentialsGrant() {
    return setProperty(CLIENT_CREDENTIALS_PROPERTY, "true");
  }

  /** Replaces the roles that may use {@code table} and how a denied read looks. */
  public ServiceNowInstance setTableAcl(String table, AclDenial denial, String... roles) {
    catalog.replace(table(table).withAcl(List.of(roles), denial));
    return this;
  }

  /**
   * A row-level read ACL: rows matching {@code encodedQuery} are invisible to non-admins. Hiding
   * happens after {@code sysparm_limit}, so pages come back short while more rows exist.
   */
  public ServiceNowInstance hideRows(String table, String encodedQuery) {
    table(table);
    rowAcl.hide(table, encodedQuery);
    return this;
  }

  /** Removes the row-level ACLs of {@code table} (an admin relaxing the rule again). */
  public ServiceNowInstance revealRows(String table) {
    rowAcl.reveal(table);
    return this;
  }

  /** Whether a row-level ACL hides this row from the reader. */
  public boolean isHidden(String table, Map<String, String> row) {
    return rowAcl.isHidden(table(table), row);
  }

  /** Batch requests serviced per call; the rest come back as {@code unserviced_requests}. */
  public ServiceNowInstance setBatchLimit(int maxServicedRequests) {
    this.batchLimit = maxServicedRequests;
    return this;
  }

  public int batchLimit() {
    return batchLimit;
  }

  /**
   * The Batch API's transaction quota (30 s on a real instance): once a batch call has run this
   * long, the sub-requests not yet started come back as {@code unserviced_requests}.
   */
  public ServiceNowInstance setBatchTimeQuota(Duration quota) {
    this.batchTimeQuota = quota;
    return this;
  }

  public Duration batchTimeQuota() {
    return batchTimeQuota;
  }

  // ---- parts ----

  public TableDefinition table(String table) {
    TableDefinition def = catalog.table(table);
    if (def == null) {
      throw new IllegalArgumentException("table not configured: " + table);
    }
    return def;
  }

  public TableCatalog catalog() {
    return catalog;
  }

  /** Rows, read and written directly (no ACLs, no counters). */
  public TableStore rows() {
    return store;
  }

  public FaultSwitches faults() {
    return faults;
  }

  /** How long this instance takes to answer (zero by default); not a fault, never cleared. */
  public LatencyModel latencyModel() {
    return latencyModel;
  }

  public CallCounters counters() {
    return counters;
  }

  public RateLimiter rateLimits() {
    return rateLimiter;
  }

  public TokenRegistry tokens() {
    return tokens;
  }

  public UserDirectory directory() {
    return directory;
  }

  public Authenticator authenticator() {
    return authenticator;
  }

  /** The push Business Rule an admin may activate (off by default). */
  public PushBusinessRule pushRule() {
    return pushRule;
  }

  /** The AP clerk working in this instance: approves invoices, maintains master data. */
  public AccountsPayableClerk apClerk() {
    return new AccountsPayableClerk(store);
  }

  // ---- conveniences for tests ----

  public Map<String, String> insert(String table, Map<String, String> values) {
    return store.insert(table, values, "admin");
  }

  public Map<String, String> get(String table, String sysId) {
    return store.get(table, sysId);
  }

  public List<Map<String, String>> list(String table) {
    return store.snapshot(table);
  }

  private Instant writeTime() {
    Instant pinned = faults.pinnedWriteTime();
    return pinned != null ? pinned : clock.instant();
  }
}

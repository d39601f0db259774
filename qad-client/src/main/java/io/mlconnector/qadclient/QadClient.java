package io.mlconnector.qadclient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.common.auth.TenantTokens;
import io.mlconnector.common.breaker.BreakerBoard;
import io.mlconnector.common.breaker.CircuitBreaker;
import io.mlconnector.common.event.EntityType;
import io.mlconnector.common.ratelimit.TenantRateLimits;
import io.mlconnector.common.retry.CallGuard;
import io.mlconnector.common.tenant.Tenant;
import io.mlconnector.qadclient.auth.QadTokens;
import io.mlconnector.qadclient.browse.BrowseMapping;
import io.mlconnector.qadclient.browse.BrowsePage;
import io.mlconnector.qadclient.browse.BrowseQuery;
import io.mlconnector.qadclient.http.QadTransport;
import io.mlconnector.qadclient.http.QadTransport.Answer;
import io.mlconnector.qadclient.http.RequestBody;
import io.mlconnector.qadclient.http.TenantUrl;
import io.mlconnector.qadclient.invoice.SupplierInvoiceResult;
import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.OidcClients;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One tenant's QAD: browse reads page by page and supplier invoices. Auth, retries, throttling, the
 * circuit breaker and error mapping live below this class; callers see domain types and {@link
 * QadException}s. Thread-safe; get instances from {@link QadClients}.
 */
public final class QadClient implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final java.util.Set<Integer> TRANSIENT = java.util.Set.of(408, 409, 423, 425);

  /** {@code User-Agent} of a client built without a service name. */
  public static final String DEFAULT_USER_AGENT = "ml-connector";

  private static final Pattern VOUCHER = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private final String tenant;
  private final TenantUrl url;
  private final BrowseMapping mapping;
  private final QadTransport transport;
  private final OidcClient oidc;
  private final TenantTokens tokens;
  private final CircuitBreaker breaker;
  private final BrowseRows rows;

  private QadClient(
      OidcClients oidcClients,
      Tenant t,
      QadClientSettings settings,
      BrowseMapping mapping,
      Clock clock,
      TenantRateLimits rateLimits,
      String userAgent,
      BreakerBoard breakers) {
    this.tenant = t.id();
    this.url = TenantUrl.of(t.id(), t.qad().baseUrl(), t.sandbox());
    this.mapping = mapping;
    this.breaker =
        new CircuitBreaker(
            t.id(),
            TenantRateLimits.QAD,
            settings.breakerFailureThreshold(),
            settings.breakerOpenFor(),
            clock,
            QadTransport::isOutage,
            breakers);
    CallGuard guard =
        new CallGuard(t.id(), TenantRateLimits.QAD, settings.retryPolicy(), rateLimits, breaker);
    this.transport =
        new QadTransport(t.id(), url.base(), t.qad().workspace(), settings, guard, userAgent);
    URI tokenUri = url.resolve("oauth/token");
    this.oidc = QadTokens.oidcClient(oidcClients, t.id(), t.qad(), tokenUri, settings);
    // Renewal at tokenRefreshRatio of the lifetime only: no fixed skew, which a short token is
    // below.
    this.tokens =
        new TenantTokens(
            oidc,
            settings.tokenRefreshRatio(),
            Duration.ZERO,
            settings.requestTimeout(),
            clock,
            new QadTokens.Failures(t.id(), t.qad(), tokenUri));
    this.rows = new BrowseRows(t.id());
  }

  /**
   * A client that knows only its own 429s (tools, tests): see the overload for the fleet's. Its
   * rate limits run on the system clock, as the retries wait in real time.
   *
   * @param oidcClients makes the tenant's token client (password grant, see {@link QadTokens})
   * @param clock token renewal and the breaker's long pauses run on it (tests move it)
   */
  public static QadClient create(
      OidcClients oidcClients,
      Tenant tenant,
      QadClientSettings settings,
      BrowseMapping mapping,
      Clock clock) {
    return create(
        oidcClients,
        tenant,
        settings,
        mapping,
        clock,
        TenantRateLimits.local(),
        DEFAULT_USER_AGENT);
  }

  /**
   * @param rateLimits the fleet's rate limits (a 429 any service saw pauses this client too)
   * @param userAgent names the calling service on every request
   */
  public static QadClient create(
      OidcClients oidcClients,
      Tenant tenant,
      QadClientSettings settings,
      BrowseMapping mapping,
      Clock clock,
      TenantRateLimits rateLimits,
      String userAgent) {
    return create(
        oidcClients, tenant, settings, mapping, clock, rateLimits, userAgent, BreakerBoard.NONE);
  }

  /**
   * @param breakers where the tenant's breaker publishes its state changes (the fleet's status)
   */
  public static QadClient create(
      OidcClients oidcClients,
      Tenant tenant,
      QadClientSettings settings,
      BrowseMapping mapping,
      Clock clock,
      TenantRateLimits rateLimits,
      String userAgent,
      BreakerBoard breakers) {
    return new QadClient(
        oidcClients, tenant, settings, mapping, clock, rateLimits, userAgent, breakers);
  }

  /** Closes the tenant's OIDC and HTTP clients; the QAD client is not used afterwards. */
  @Override
  public void close() {
    transport.close();
    try {
      oidc.close();
    } catch (java.io.IOException | RuntimeException e) {
      // Nothing to recover: the client is being dropped.
    }
  }

  public String tenant() {
    return tenant;
  }

  /** Whether the tenant's breaker is open (QAD treated as down for now). */
  public boolean unavailable() {
    return breaker.isOpen();
  }

  /** One page of an entity's browse. */
  public BrowsePage browse(EntityType entity, BrowseQuery query) {
    var def = mapping.of(entity);
    StringBuilder q = new StringBuilder();
    q.append("browseId=").append(RequestBody.encode(def.browseId()));
    q.append("&page=").append(query.page());
    q.append("&pageSize=").append(query.pageSize());
    q.append("&pageAction=").append(query.page() == 1 ? "first" : "next");
    if (query.operator() != null) {
      String filter =
          def.modifiedField() + "," + query.operator() + "," + query.modified() + ",literal";
      q.append("&filter=").append(RequestBody.encode(filter));
    }
    for (var c : query.conditions()) {
      String filter = c.field() + "," + c.operator() + "," + c.value() + ",literal";
      q.append("&filter=").append(RequestBody.encode(filter));
    }
    URI uri = URI.create(url.resolve(mapping.browsesPath()) + "?" + q);
    JsonNode body = ok(transport.call("GET", uri, null, tokens), "browse " + def.browseId());
    return rows.page(entity, def, query, body);
  }

  /**
   * Creates one supplier invoice ({@code POST supplierInvoices}).
   *
   * @throws QadRejectedException when QAD refused it (nothing saved), with QAD's field errors
   */
  public SupplierInvoiceResult createSupplierInvoice(JsonNode invoice) {
    ObjectNode body = JSON.createObjectNode();
    body.putArray("supplierInvoices").add(invoice);
    URI uri = url.resolve(mapping.supplierInvoicesPath());
    JsonNode answer = ok(transport.create(uri, RequestBody.json(body), tokens), "create invoice");
    JsonNode saved = answer.path("supplierInvoices").path(0);
    if (!saved.isObject()) {
      throw new QadOutcomeUnknownException(tenant, "invoice creation answered no invoice", null);
    }
    return new SupplierInvoiceResult(
        saved, FieldError.listOf(answer.path("submitResult").path("warnings")));
  }

  /** Invoices QAD holds for a supplier and the supplier's invoice reference (oldest first). */
  public List<JsonNode> findSupplierInvoices(String supplier, String invoiceReference) {
    String q =
        "supplier="
            + RequestBody.encode(supplier)
            + "&reference="
            + RequestBody.encode(invoiceReference);
    URI uri = URI.create(url.resolve(mapping.supplierInvoicesPath()) + "?" + q);
    return invoices(ok(transport.call("GET", uri, null, tokens), "find invoices"));
  }

  /** The invoice with this voucher number, if QAD has it. */
  public Optional<JsonNode> findSupplierInvoice(String voucher) {
    if (voucher == null || !VOUCHER.matcher(voucher).matches()) {
      throw new IllegalArgumentException("not a voucher number: " + voucher);
    }
    URI uri = url.resolve(mapping.supplierInvoicesPath() + "/" + voucher);
    Answer answer = transport.call("GET", uri, null, tokens);
    if (answer.status() == 404) {
      return Optional.empty();
    }
    return invoices(ok(answer, "find voucher " + voucher)).stream().findFirst();
  }

  private static List<JsonNode> invoices(JsonNode body) {
    List<JsonNode> out = new ArrayList<>();
    body.path("supplierInvoices").forEach(out::add);
    return out;
  }

  /** The body of a 2xx answer; other statuses become typed errors. */
  private JsonNode ok(Answer answer, String what) {
    int status = answer.status();
    if (status >= 200 && status < 300) {
      if (!answer.body().isObject()) {
        throw new QadMalformedResponseException(tenant, what + ": answer is not a JSON object");
      }
      return answer.body();
    }
    List<FieldError> errors = FieldError.listOf(answer.body().path("errors"));
    if (errors.isEmpty()) {
      errors = FieldError.listOf(answer.body().path("submitResult").path("errors"));
    }
    if (TRANSIENT.contains(status)) {
      // Timeout, conflict, lock, too early: QAD did not act; the same request may succeed later.
      throw new QadUnavailableException(tenant, what + ": HTTP " + status + " " + errors, null);
    }
    if (status == 403) {
      throw new QadAuthException(
          tenant,
          what + " forbidden (HTTP 403) " + errors,
          "check the workspace id (x-qad-workspace-id) and the service account's roles");
    }
    if (status == 404) {
      throw new QadConfigurationException(
          tenant, what + ": not found (HTTP 404) — check the tenant URL and the browse mapping");
    }
    throw new QadRejectedException(tenant, status, errors);
  }
}

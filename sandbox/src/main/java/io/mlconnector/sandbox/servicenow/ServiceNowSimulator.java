package io.mlconnector.sandbox.servicenow;

import io.mlconnector.sandbox.Simulator;
import io.mlconnector.sandbox.http.SimResponse;
import io.mlconnector.sandbox.http.SimServer;
import io.mlconnector.sandbox.servicenow.api.AdminApi;
import io.mlconnector.sandbox.servicenow.api.ApiGateway;
import io.mlconnector.sandbox.servicenow.api.OAuthTokenEndpoint;
import io.mlconnector.sandbox.servicenow.table.TableCatalog;
import io.mlconnector.sandbox.servicenow.traffic.LatencyModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Many simulated ServiceNow instances (one per tenant) in one loopback HTTP server. Instance {@code
 * acme} lives at {@code {baseUri}/sn/acme}: Table API {@code /api/now/table/...}, Batch API {@code
 * /api/now/v1/batch}, OAuth {@code /oauth_token.do}; its admin switches at {@code
 * {baseUri}/sn-admin/acme/...}. Tables come from {@value TableCatalog#DEFAULT_RESOURCE}.
 */
public final class ServiceNowSimulator implements Simulator {
  private record Hosted(
      ServiceNowInstance instance, ApiGateway api, OAuthTokenEndpoint oauth, AdminApi admin) {}

  private final SimServer server = new SimServer();
  private final Clock clock;
  private final TableCatalog tables;
  private final Map<String, Hosted> instances = new ConcurrentHashMap<>();
  private volatile LatencyModel.Settings latency = LatencyModel.Settings.NONE;

  private ServiceNowSimulator(Clock clock, TableCatalog tables) {
    this.clock = clock;
    this.tables = tables;
  }

  /** Starts on {@code port} (0 = any free port) with the system UTC clock. */
  public static ServiceNowSimulator start(int port) {
    return start(port, Clock.systemUTC());
  }

  /** Starts with the given clock: stamps, token expiry and rate windows all follow it. */
  public static ServiceNowSimulator start(int port, Clock clock) {
    ServiceNowSimulator sim = new ServiceNowSimulator(clock, TableCatalog.loadDefault());
    sim.server
        .route(
            "POST",
            "/sn/{instance}/oauth_token.do",
            r -> sim.hosted(r.pathParam("instance"), h -> h.oauth().handle(r)))
        .route(
            "*",
            "/sn/{instance}/api/now/{rest*}",
            r -> sim.hosted(r.pathParam("instance"), h -> h.api().handle(r, r.pathParam("rest"))))
        .route("PUT", "/sn-admin/{instance}", r -> sim.created(r.pathParam("instance")))
        .route(
            "*",
            "/sn-admin/{instance}/{rest*}",
            r ->
                sim.hosted(r.pathParam("instance"), h -> h.admin().handle(r, r.pathParam("rest"))));
    try {
      sim.server.start(port);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sim;
  }

  /**
   * Per client ({@code User-Agent}): calls that arrived for a instance while a 429's {@code
   * Retry-After} given to any client of that instance was still running. A rate limit is the
   * instance's, so every service of the fleet must wait, not only the one that was answered.
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

  /** Base URL of an instance, e.g. {@code http://127.0.0.1:4711/sn/acme} (no trailing slash). */
  public String instanceUrl(String instance) {
    return baseUri() + "/sn/" + instance;
  }

  /** Creates the instance if missing (fresh tables, no users) and returns it. */
  public ServiceNowInstance addInstance(String name) {
    return instances
        .computeIfAbsent(
            name,
            n -> {
              ServiceNowInstance i =
                  new ServiceNowInstance(n, instanceUrl(n), clock, tables.copy());
              i.latencyModel().set(latency);
              return new Hosted(i, new ApiGateway(i), new OAuthTokenEndpoint(i), new AdminApi(i));
            })
        .instance();
  }

  /**
   * Gives every instance, those here and those added later, this latency model (each instance's can
   * still be changed alone, {@code PUT /sn-admin/{instance}/latency}).
   */
  public ServiceNowSimulator latencyModel(LatencyModel.Settings settings) {
    this.latency = settings;
    instances.values().forEach(h -> h.instance().latencyModel().set(settings));
    return this;
  }

  /** The latency model new instances get. */
  public LatencyModel.Settings latencyModel() {
    return latency;
  }

  /** An existing instance; throws when it was never added. */
  public ServiceNowInstance instance(String name) {
    Hosted h = instances.get(name);
    if (h == null) {
      throw new IllegalArgumentException("no ServiceNow instance " + name);
    }
    return h.instance();
  }

  public Set<String> instanceNames() {
    return Set.copyOf(instances.keySet());
  }

  @Override
  public void close() {
    server.close();
    instances.values().forEach(h -> h.instance().pushRule().close());
  }

  private SimResponse created(String name) {
    addInstance(name);
    return SimResponse.json(
        201, "{\"instance\":\"" + name + "\",\"url\":\"" + instanceUrl(name) + "\"}");
  }

  /** Unknown instances answer like an unknown host would on a real load balancer: 404 HTML. */
  private SimResponse hosted(String name, HostedHandler handler) throws Exception {
    Hosted h = instances.get(name);
    return h == null
        ? SimResponse.text(404, "text/html", "<html><body>Instance not found</body></html>")
        : handler.handle(h);
  }

  @FunctionalInterface
  private interface HostedHandler {
    SimResponse handle(Hosted hosted) throws Exception;
  }
}

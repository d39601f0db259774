package io.mlconnector.console.ping.qad;

import io.mlconnector.common.event.EntityType;
import io.mlconnector.common.tenant.Tenant;
import io.mlconnector.console.config.ConsoleConfig;
import io.mlconnector.console.ping.report.CheckSink;
import io.mlconnector.console.ping.report.PingCheck;
import io.mlconnector.console.ping.report.PingSystem;
import io.mlconnector.qadclient.QadClient;
import io.mlconnector.qadclient.QadClientSettings;
import io.mlconnector.qadclient.QadClients;
import io.mlconnector.qadclient.QadException;
import io.mlconnector.qadclient.browse.BrowseMapping;
import io.mlconnector.qadclient.browse.BrowseQuery;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The QAD half of the ping: token, workspace, every configured browse (page size 1) and the
 * supplier invoice endpoint. Each ping builds its own client, so the token is really requested (not
 * taken from a cache), retries are few and no breaker state is shared with other callers.
 */
@ApplicationScoped
public class QadProbe {
  public static final String TOKEN_CHECK = "qad.token";
  public static final String WORKSPACE_CHECK = "qad.workspace";
  public static final String INVOICES_CHECK = "qad.supplier-invoices";
  private static final PingSystem QAD = PingSystem.QAD;

  private final QadClients clients;
  private final BrowseMapping mapping;
  private final QadClientSettings settings;

  public QadProbe(QadClients clients, ConsoleConfig config) {
    this.clients = clients;
    this.mapping = clients.mapping();
    Duration timeout = config.ping().requestTimeout();
    this.settings =
        new QadClientSettings(
            timeout,
            timeout,
            2,
            Duration.ofMillis(200),
            Duration.ofSeconds(1),
            2,
            0.8,
            1000,
            Duration.ofSeconds(1),
            QadClientSettings.defaults().retryAfterCap(),
            QadClientSettings.defaults().maxBodyBytes());
  }

  public void run(Tenant tenant, CheckSink sink) {
    QadClient client;
    try {
      client = clients.create(tenant, settings);
    } catch (QadException | IllegalArgumentException e) {
      sink.add(failed(TOKEN_CHECK, tokenTried(tenant), "check the QAD base URL", e.getMessage()));
      notTried(sink, List.of(WORKSPACE_CHECK));
      notTried(sink, browseChecks());
      return;
    }
    try (client) {
      probe(tenant, client, sink);
    }
  }

  private void probe(Tenant tenant, QadClient client, CheckSink sink) {
    List<EntityType> entities = entities();
    QadFailure first = browse(client, entities.get(0));
    if (!QadChecks.tokenAndWorkspace(tenant, first, sink)) {
      notTried(sink, browseChecks());
      return;
    }
    report(entities.get(0), first, sink);
    for (EntityType entity : entities.subList(1, entities.size())) {
      report(entity, browse(client, entity), sink);
    }
    String tried =
        "GET " + mapping.supplierInvoicesPath() + "?supplier=mlc-ping&reference=mlc-ping";
    try {
      client.findSupplierInvoices("mlc-ping", "mlc-ping");
      sink.add(PingCheck.passed(INVOICES_CHECK, QAD, tried, "supplier invoice endpoint answers"));
    } catch (QadException e) {
      sink.add(failed(INVOICES_CHECK, tried, QadChecks.fixFor(e, "supplier invoices"), e));
    }
  }

  private QadFailure browse(QadClient client, EntityType entity) {
    try {
      client.browse(entity, BrowseQuery.all(1, 1));
      return null;
    } catch (QadException e) {
      return new QadFailure(e);
    }
  }

  private void report(EntityType entity, QadFailure failure, CheckSink sink) {
    String name = "qad.browse." + entity.wireName();
    String tried =
        "GET "
            + mapping.browsesPath()
            + "?browseId="
            + mapping.of(entity).browseId()
            + "&page=1&pageSize=1";
    if (failure == null) {
      sink.add(PingCheck.passed(name, QAD, tried, "browse answers"));
    } else {
      QadException e = failure.exception();
      sink.add(failed(name, tried, QadChecks.fixFor(e, "browse " + entity.wireName()), e));
    }
  }

  private List<EntityType> entities() {
    return mapping.entities().keySet().stream().sorted().toList();
  }

  private List<String> browseChecks() {
    List<String> names = new ArrayList<>();
    entities().forEach(e -> names.add("qad.browse." + e.wireName()));
    names.add(INVOICES_CHECK);
    return names;
  }

  static String tokenTried(Tenant tenant) {
    return "POST oauth/token (grant_type=password, client_id="
        + tenant.qad().clientId()
        + ", username="
        + tenant.qad().username()
        + ")";
  }

  private static void notTried(CheckSink sink, List<String> names) {
    for (String name : names) {
      sink.add(
          PingCheck.failed(
              name, QAD, "nothing (not tried)", "fix the check above first", "not tried"));
    }
  }

  private static PingCheck failed(String name, String tried, String fix, QadException e) {
    return failed(name, tried, fix, e.getMessage());
  }

  static PingCheck failed(String name, String tried, String fix, String detail) {
    return PingCheck.failed(name, QAD, tried, fix, detail);
  }

  /** A browse that failed; null stands for success. */
  record QadFailure(QadException exception) {}
}

package io.mlconnector.snpoller.receipt;

import io.mlconnector.common.breaker.BreakerBoard;
import io.mlconnector.common.breaker.CircuitBreaker;
import io.mlconnector.snpoller.config.ServiceNowPollerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.Optional;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * "Within a cycle, receipts are synced before invoices are pulled": asks qad-poller to poll the
 * tenant now ({@link QadPollerApi}, with the operate token of {@code
 * mlc.servicenow.receipt-sync-token}) and waits for it, bounded by the client's timeouts. A failure
 * is one log line and the invoice poll goes on: the writer's receipt gate keeps an invoice whose
 * receipt is not in QAD yet waiting, so this call only makes that wait shorter.
 *
 * <p>Calls go through common's {@link CircuitBreaker}: when qad-poller gives no answer (refused,
 * reset, timed out) several times in a row, invoice polls stop waiting for it for a while instead
 * of each sitting out the timeout. Any HTTP answer, an error status too, shows qad-poller is up.
 */
@ApplicationScoped
public class ReceiptSync {
  private static final Logger LOG = Logger.getLogger(ReceiptSync.class);

  /** What the call did: {@code not-configured}, {@code synced} or {@code failed: <why>}. */
  public record Outcome(String status) {
    static final Outcome NOT_CONFIGURED = new Outcome("not-configured");
    static final Outcome SYNCED = new Outcome("synced");

    static Outcome failed(String why) {
      return new Outcome("failed: " + why);
    }
  }

  private final boolean configured;
  private final String authorization;
  private final QadPollerApi qadPoller;
  private final CircuitBreaker breaker;

  public ReceiptSync(ServiceNowPollerConfig config, @RestClient QadPollerApi qadPoller) {
    ServiceNowPollerConfig.ReceiptSyncBreaker settings = config.servicenow().receiptSyncBreaker();
    Optional<String> url = config.servicenow().receiptSyncUrl().filter(u -> !u.isBlank());
    if (url.filter(u -> u.contains("{")).isPresent()) {
      throw new IllegalArgumentException(
          "mlc.servicenow.receipt-sync-url is qad-poller's base URL (e.g. http://qad-poller:8080),"
              + " not a template: drop the path /polls/{tenant}/run");
    }
    this.configured = url.isPresent();
    this.authorization =
        config
            .servicenow()
            .receiptSyncToken()
            .filter(t -> !t.isBlank())
            .map(t -> "Bearer " + t)
            .orElse(null);
    this.qadPoller = qadPoller;
    // The fleet's own qad-poller, not a tenant's system: one breaker for all tenants, and not on
    // the fleet's breaker board (mlc_fleet.breaker_state is per tenant and external system).
    this.breaker =
        new CircuitBreaker(
            "all",
            "qad-poller",
            settings.failureThreshold(),
            settings.openFor(),
            Clock.systemUTC(),
            ProcessingException.class::isInstance,
            BreakerBoard.NONE);
  }

  public Outcome syncBeforeInvoices(String tenant) {
    if (!configured) {
      return Outcome.NOT_CONFIGURED;
    }
    try {
      int status = breaker.call(() -> post(tenant), Integer.class);
      return status / 100 == 2 ? Outcome.SYNCED : failed(tenant, "HTTP " + status);
    } catch (CircuitBreaker.Open e) {
      return failed(
          tenant, "qad-poller gave no answer to the last calls; paused until " + e.until());
    } catch (ProcessingException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      return failed(tenant, cause.getClass().getSimpleName() + " " + cause.getMessage());
    }
  }

  /** The status of qad-poller's answer (a redirect is an answer too: it is not followed). */
  private Integer post(String tenant) {
    try (Response response = qadPoller.run(tenant, authorization)) {
      return response.getStatus();
    } catch (WebApplicationException e) {
      return e.getResponse().getStatus();
    }
  }

  private static Outcome failed(String tenant, String why) {
    LOG.warnf(
        "receipt sync before the invoice poll of tenant %s failed (%s); polling invoices"
            + " anyway, the receipt gate holds invoices whose receipts are missing",
        tenant, why);
    return Outcome.failed(why);
  }
}

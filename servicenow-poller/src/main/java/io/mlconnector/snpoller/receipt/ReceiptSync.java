package io.mlconnector.snpoller.receipt;

import io.mlconnector.snpoller.config.ServiceNowPollerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * "Within a cycle, receipts are synced before invoices are pulled": asks qad-poller to poll the
 * tenant now ({@code mlc.servicenow.receipt-sync-url}, with the operate token of {@code
 * mlc.servicenow.receipt-sync-token}) and waits for it, bounded. A failure is one log line and the
 * invoice poll goes on: the writer's receipt gate keeps an invoice whose receipt is not in QAD yet
 * waiting, so this call only makes that wait shorter.
 */
@ApplicationScoped
public class ReceiptSync {
  private static final Logger LOG = Logger.getLogger(ReceiptSync.class);
  private static final Duration CONNECT = Duration.ofSeconds(5);

  /** What the call did: {@code not-configured}, {@code synced} or {@code failed: <why>}. */
  public record Outcome(String status) {
    static final Outcome NOT_CONFIGURED = new Outcome("not-configured");
    static final Outcome SYNCED = new Outcome("synced");

    static Outcome failed(String why) {
      return new Outcome("failed: " + why);
    }
  }

  private final Optional<String> urlTemplate;
  private final Optional<String> token;
  private final Duration timeout;
  private final HttpClient http;

  public ReceiptSync(ServiceNowPollerConfig config) {
    this.urlTemplate = config.servicenow().receiptSyncUrl().filter(u -> !u.isBlank());
    this.token = config.servicenow().receiptSyncToken().filter(t -> !t.isBlank());
    this.timeout = config.servicenow().receiptSyncTimeout();
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(timeout.compareTo(CONNECT) < 0 ? timeout : CONNECT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  public Outcome syncBeforeInvoices(String tenant) {
    if (urlTemplate.isEmpty()) {
      return Outcome.NOT_CONFIGURED;
    }
    URI uri =
        URI.create(
            urlTemplate
                .get()
                .replace("{tenant}", URLEncoder.encode(tenant, StandardCharsets.UTF_8)));
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(uri).timeout(timeout).POST(HttpRequest.BodyPublishers.noBody());
      token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
      HttpResponse<Void> response =
          http.send(request.build(), HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() / 100 == 2) {
        return Outcome.SYNCED;
      }
      return failed(tenant, uri, "HTTP " + response.statusCode());
    } catch (IOException e) {
      return failed(tenant, uri, e.getClass().getSimpleName() + " " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failed(tenant, uri, "interrupted");
    }
  }

  private static Outcome failed(String tenant, URI uri, String why) {
    LOG.warnf(
        "receipt sync before the invoice poll of tenant %s failed (%s, %s); polling invoices"
            + " anyway, the receipt gate holds invoices whose receipts are missing",
        tenant, uri, why);
    return Outcome.failed(why);
  }
}

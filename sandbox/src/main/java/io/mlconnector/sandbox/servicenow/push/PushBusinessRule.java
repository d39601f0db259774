package io.mlconnector.sandbox.servicenow.push;

import io.mlconnector.sandbox.servicenow.clerk.AccountsPayableClerk;
import io.mlconnector.sandbox.servicenow.table.TableStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Business Rule + Outbound REST Message an admin adds for push (off until {@link #enable}):
 * after insert or update of an outbound invoice, or of one of its lines, while the invoice's
 * Integration status is New, it POSTs {@code {table, sys_id, sys_updated_on}} to the connector,
 * signed as the connector's push documentation says (what {@code GlideCertificateEncryption
 * .generateMac} computes). Sent asynchronously, once, without retry, like {@code executeAsync}: an
 * unreachable connector only counts a failure. The write-back (status Processed) does not fire.
 */
public final class PushBusinessRule {
  private static final String INVOICE = AccountsPayableClerk.OUTBOUND_INVOICE;
  private static final String LINE = AccountsPayableClerk.OUTBOUND_INVOICE_LINE;

  private final TableStore store;
  private final Clock clock;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ExecutorService sender =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "sn-push-rule");
            t.setDaemon(true);
            return t;
          });
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private volatile Target target;

  private record Target(URI url, String secret) {}

  /**
   * @param clock the instance's real clock for the timestamp header (the data clock may be frozen)
   */
  public PushBusinessRule(TableStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
    store.afterWrite(this::afterWrite);
  }

  /** Activates the rule: notifications go to {@code notifyUrl} signed with {@code secret}. */
  public void enable(URI notifyUrl, String secret) {
    this.target = new Target(notifyUrl, secret);
  }

  /** Deactivates the rule (the connector is then polled only). */
  public void disable() {
    this.target = null;
  }

  public boolean enabled() {
    return target != null;
  }

  /** Notifications the connector answered with 2xx. */
  public long sent() {
    return sent.get();
  }

  /** Notifications refused, unanswered or unreachable (nothing retried). */
  public long failed() {
    return failed.get();
  }

  private void afterWrite(String table, Map<String, String> row) {
    Target t = target;
    if (t == null) {
      return;
    }
    Map<String, String> header =
        INVOICE.equals(table)
            ? row
            : LINE.equals(table) ? store.get(INVOICE, row.get("invoice")) : null;
    if (header == null
        || !AccountsPayableClerk.STATUS_NEW.equals(header.get("integration_status"))) {
      return;
    }
    String body =
        "{\"table\":\""
            + table
            + "\",\"sys_id\":\""
            + row.get("sys_id")
            + "\",\"sys_updated_on\":\""
            + row.get("sys_updated_on")
            + "\"}";
    sender.execute(() -> send(t, body));
  }

  private void send(Target t, String body) {
    String timestamp = String.valueOf(clock.instant().getEpochSecond());
    try {
      HttpRequest request =
          HttpRequest.newBuilder(t.url())
              .timeout(Duration.ofSeconds(10))
              .header("Content-Type", "application/json")
              .header("X-MLC-Timestamp", timestamp)
              .header("X-MLC-Signature", "v1=" + generateMac(t.secret(), timestamp + "." + body))
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build();
      int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      (status / 100 == 2 ? sent : failed).incrementAndGet();
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      failed.incrementAndGet();
    }
  }

  /** ServiceNow's generateMac(key, "HmacSHA256", data): Base64 key in, Base64 MAC out. */
  public static String generateMac(String base64Key, String data) throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(Base64.getDecoder().decode(base64Key), "HmacSHA256"));
    return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
  }

  /** Stops the sender (the simulator closing). */
  public void close() {
    sender.shutdownNow();
  }
}

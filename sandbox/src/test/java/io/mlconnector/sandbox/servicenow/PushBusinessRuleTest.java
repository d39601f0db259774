package io.mlconnector.sandbox.servicenow;

import static io.mlconnector.sandbox.servicenow.SnHttp.JSON;
import static io.mlconnector.sandbox.servicenow.SnHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.mlconnector.sandbox.servicenow.clerk.AccountsPayableClerk;
import io.mlconnector.sandbox.servicenow.clerk.InvoiceLine;
import io.mlconnector.sandbox.servicenow.clerk.SupplierInvoice;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The push Business Rule: off by default; when active, an approval notifies once per header and
 * line, signed over timestamp and body with the Base64 key; the write-back does not notify; an
 * unreachable connector is counted as a failure and nothing else happens.
 */
class PushBusinessRuleTest extends SimulatorFixture {
  private static final String SECRET =
      Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

  record Received(String timestamp, String signature, String body) {}

  private final List<Received> received = new CopyOnWriteArrayList<>();
  private HttpServer connector;

  @BeforeEach
  void startConnector() throws Exception {
    connector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    connector.createContext(
        "/notify/acme",
        ex -> {
          received.add(
              new Received(
                  ex.getRequestHeaders().getFirst("X-MLC-Timestamp"),
                  ex.getRequestHeaders().getFirst("X-MLC-Signature"),
                  new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
          ex.sendResponseHeaders(202, -1);
          ex.close();
        });
    connector.start();
  }

  @AfterEach
  void stopConnector() {
    connector.stop(0);
  }

  @Test
  void approvalNotifiesHeaderAndLinesSignedAndTheWriteBackDoesNot() throws Exception {
    acme.apClerk().approveInvoice(invoice("INV-0")); // before the rule exists
    SnHttp admin = SnHttp.anonymous(simulator.baseUri() + "/sn-admin/acme");
    JsonNode state =
        json(
            admin.send(
                "PUT", "/push", "{\"url\":\"" + notifyUrl() + "\",\"secret\":\"" + SECRET + "\"}"));
    assertThat(state.path("enabled").asBoolean()).isTrue();

    String invoice = acme.apClerk().approveInvoice(invoice("INV-1"));
    await(() -> acme.pushRule().sent() == 3);

    assertThat(received).hasSize(3);
    for (Received r : received) {
      JsonNode body = JSON.readTree(r.body());
      assertThat(r.signature()).isEqualTo("v1=" + hmac(r.timestamp() + "." + r.body()));
      assertThat(Long.parseLong(r.timestamp()))
          .isBetween(Instant.now().getEpochSecond() - 60, Instant.now().getEpochSecond() + 1);
      assertThat(body.path("sys_updated_on").asText()).matches("\\d{4}-\\d\\d-\\d\\d .*");
    }
    assertThat(received.stream().map(r -> table(r.body())).toList())
        .containsExactly(
            AccountsPayableClerk.OUTBOUND_INVOICE,
            AccountsPayableClerk.OUTBOUND_INVOICE_LINE,
            AccountsPayableClerk.OUTBOUND_INVOICE_LINE);

    acme.rows()
        .update(
            AccountsPayableClerk.OUTBOUND_INVOICE,
            invoice,
            Map.of("integration_status", "Processed", "erp_number", "V1"),
            INTEGRATION_USER);
    acme.apClerk().approveInvoice(invoice("INV-2"));
    await(() -> acme.pushRule().sent() == 6);
    assertThat(received).hasSize(6); // INV-2 only: the write-back of INV-1 notified nothing

    admin.send("PUT", "/push", "{\"enabled\":false}");
    acme.apClerk().approveInvoice(invoice("INV-3"));
    Thread.sleep(300);
    assertThat(received).hasSize(6);
  }

  @Test
  void anUnreachableConnectorCountsFailuresOnly() throws Exception {
    String url = notifyUrl();
    connector.stop(0);
    acme.pushRule().enable(URI.create(url), SECRET);

    acme.apClerk().approveInvoice(invoice("INV-9"));

    await(() -> acme.pushRule().failed() == 3); // header and two lines
    assertThat(acme.pushRule().sent()).isZero();
    assertThat(acme.list(AccountsPayableClerk.OUTBOUND_INVOICE)).hasSize(1);
  }

  private String notifyUrl() {
    return "http://127.0.0.1:" + connector.getAddress().getPort() + "/notify/acme";
  }

  private static String table(String body) {
    try {
      return JSON.readTree(body).path("table").asText();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static String hmac(String data) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(Base64.getDecoder().decode(SECRET), "HmacSHA256"));
    return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not reached within 20 s");
      }
      Thread.sleep(20);
    }
  }

  private static SupplierInvoice invoice(String number) {
    InvoiceLine line =
        new InvoiceLine("PO-7", 1, "bolts", BigDecimal.ONE, BigDecimal.TEN, "CC10", "6000", "", "");
    return new SupplierInvoice(
        "SUP-1",
        "Acme Parts",
        number,
        "REF-" + number,
        LocalDate.of(2024, 4, 30),
        null,
        "EUR",
        "LE1",
        BigDecimal.ZERO,
        List.of(line, line));
  }
}

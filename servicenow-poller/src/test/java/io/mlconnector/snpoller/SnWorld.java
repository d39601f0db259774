package io.mlconnector.snpoller;

import static io.mlconnector.stack.ApiTokenFixtures.OPERATE;
import static io.mlconnector.stack.ApiTokenFixtures.bearer;
import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.common.event.EnvelopeCodec;
import io.mlconnector.common.event.EventEnvelope;
import io.mlconnector.common.tenant.RegistryTenantDirectory;
import io.mlconnector.common.tenant.Secret;
import io.mlconnector.common.tenant.Tenant;
import io.mlconnector.sandbox.servicenow.ServiceNowInstance;
import io.mlconnector.sandbox.servicenow.ServiceNowSimulator;
import io.mlconnector.sandbox.servicenow.SettableClock;
import io.mlconnector.sandbox.servicenow.clerk.InvoiceLine;
import io.mlconnector.sandbox.servicenow.clerk.SupplierInvoice;
import io.mlconnector.stack.SharedStack;
import io.mlconnector.stack.TenantFixtures;
import io.mlconnector.stack.TopicProbe;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A ServiceNow simulator on a frozen clock, tenants registered for the poller, topic reading. */
final class SnWorld implements AutoCloseable {
  static final String INVOICE = "sn_spend_intg_outbound_invoice";
  static final String INVOICE_LINE = "sn_spend_intg_outbound_invoice_line";

  final SettableClock clock = new SettableClock(Instant.parse("2025-03-01T10:00:00Z"));
  final ServiceNowSimulator simulator = ServiceNowSimulator.start(0, clock);
  private final TenantFixtures fixtures = SnPollerStackResource.fixtures();
  private final RegistryTenantDirectory directory;
  private final List<String> registered = new ArrayList<>();
  private final TopicProbe topics = new TopicProbe(SharedStack.endpoints());

  /** One event as read from a topic. */
  record Seen(int partition, long offset, String key, EventEnvelope event) {
    JsonNode header() {
      return event.payload().get("header");
    }
  }

  SnWorld(RegistryTenantDirectory directory) {
    this.directory = directory;
  }

  /** An instance whose integration user reads invoices and dimensions, registered (enabled). */
  ServiceNowInstance tenant(String prefix) throws Exception {
    return tenant(prefix, Map.of());
  }

  ServiceNowInstance tenant(String prefix, Map<String, Duration> schedules) throws Exception {
    return tenant(prefix, schedules, null);
  }

  /** A registered instance whose Business Rule signs push notifications with {@code push}. */
  ServiceNowInstance tenant(String prefix, Map<String, Duration> schedules, Secret push)
      throws Exception {
    String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    ServiceNowInstance sn =
        simulator
            .addInstance(id)
            .addUser(
                "svc.integration",
                "pw",
                "sn_spend_intg_procurement_integrator",
                "sn_fcms_intg.integration_user")
            .addOAuthClient("mlc", "secret", "svc.integration")
            .enableClientCredentialsGrant();
    fixtures.put(
        new Tenant(
            id,
            id,
            true,
            new Tenant.Qad(URI.create("http://127.0.0.1:9/qad"), "ws", "qad", "u", new Secret("p")),
            new Tenant.ServiceNow(
                URI.create(simulator.instanceUrl(id)), "mlc", new Secret("secret"), false, push),
            schedules,
            Map.of(),
            true,
            false));
    registered.add(id);
    directory.invalidate();
    return sn;
  }

  /** The AP clerk approves an invoice with {@code lines} lines; returns its sys_id. */
  static String approve(ServiceNowInstance sn, String number, int lines) {
    return approve(sn, number, "S00001", lines);
  }

  static String approve(ServiceNowInstance sn, String number, String supplier, int lines) {
    List<InvoiceLine> invoiceLines =
        IntStream.rangeClosed(1, lines)
            .mapToObj(
                i ->
                    new InvoiceLine(
                        "PO" + number,
                        i,
                        "item " + i,
                        new BigDecimal(i),
                        new BigDecimal("10.50"),
                        "CC100",
                        "6000",
                        "",
                        ""))
            .toList();
    return sn.apClerk()
        .approveInvoice(
            new SupplierInvoice(
                supplier,
                "Supplier " + supplier,
                number,
                "REF-" + number,
                LocalDate.of(2025, 2, 28),
                LocalDate.of(2025, 3, 30),
                "EUR",
                "10USA",
                BigDecimal.ZERO,
                invoiceLines));
  }

  static JsonPath run(String tenant) {
    return given()
        .header("Authorization", bearer(OPERATE))
        .post("/polls/{t}/run", tenant)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /** Events published per table cursor name in a run report. */
  static Map<String, Integer> published(JsonPath report) {
    Map<String, Integer> out = new HashMap<>();
    List<Map<String, Object>> tables = report.getList("tables");
    tables.forEach(t -> out.put((String) t.get("table"), ((Number) t.get("published")).intValue()));
    return out;
  }

  static int total(Map<String, Integer> counts) {
    return counts.values().stream().mapToInt(Integer::intValue).sum();
  }

  /**
   * Every event of a tenant on a topic: at least {@code atLeast} of them, or with {@code atLeast}
   * negative, whatever the topic holds once reading brings nothing new.
   */
  List<Seen> events(String topic, String tenant, int atLeast) {
    String prefix = tenant + "|";
    int[] quiet = {0, -1};
    var records =
        topics.readUntil(
            topic,
            seen -> {
              long mine = seen.stream().filter(r -> r.key().startsWith(prefix)).count();
              if (atLeast >= 0) {
                return mine >= atLeast;
              }
              quiet[0] = mine == quiet[1] && mine > 0 ? quiet[0] + 1 : 0;
              quiet[1] = (int) mine;
              return quiet[0] >= 5;
            },
            Duration.ofSeconds(20));
    List<Seen> out = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> r : records) {
      if (r.key() != null && r.key().startsWith(prefix)) {
        out.add(new Seen(r.partition(), r.offset(), r.key(), EnvelopeCodec.read(r.value())));
      }
    }
    return out;
  }

  @Override
  public void close() throws Exception {
    for (String id : registered) {
      fixtures.remove(id);
    }
    directory.invalidate();
    simulator.close();
  }
}

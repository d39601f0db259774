package io.mlconnector.sandbox.qad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each fault switch, set through the Java API or the admin endpoint, and switched off again. */
class QadFaultInjectionTest {
  private static final String SUPPLIERS = "urn:browse:mfg:vd_mstr";
  private static final String PO_LINES = "urn:browse:mfg:pod_det";
  private final SettableClock clock = new SettableClock(Instant.parse("2025-03-01T10:00:00Z"));
  private QadSimulator qad;
  private QadTenant tenant;
  private QadTestClient client;

  @BeforeEach
  void start() {
    qad = QadSimulator.start(0, clock);
    tenant = qad.addTenant("acme");
    QadFixtures.masterData(tenant);
    client = new QadTestClient(qad, tenant.config()).login();
  }

  @AfterEach
  void stop() {
    qad.close();
  }

  private QadTestClient.Reply read() {
    return client.browse(SUPPLIERS, 1, 10, List.of());
  }

  @Test
  void latencyDelaysAnswers() {
    tenant.faults().setLatencyMillis(300);
    long started = System.nanoTime();
    assertThat(read().status()).isEqualTo(200);
    assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(300);
  }

  @Test
  void serverErrorRateAnswers5xxUntilSwitchedOff() {
    tenant.faults().setServerErrorRate(1.0).setServerErrorStatus(502);
    assertThat(read().status()).isEqualTo(502);
    tenant.faults().clear();
    assertThat(read().status()).isEqualTo(200);
  }

  @Test
  void throttleStormAnswers429WithRetryAfterForTheNextNCalls() {
    tenant.faults().setThrottleRequests(3).setRetryAfterSeconds(7);
    for (int i = 0; i < 3; i++) {
      QadTestClient.Reply reply = read();
      assertThat(reply.status()).isEqualTo(429);
      assertThat(reply.header("Retry-After")).isEqualTo("7");
    }
    assertThat(read().status()).isEqualTo(200);
  }

  @Test
  void htmlAndTruncatedBodiesAreNotJson() {
    tenant.faults().setHtmlBodyRate(1.0);
    QadTestClient.Reply html = read();
    assertThat(html.status()).isEqualTo(200);
    assertThat(html.header("Content-Type")).startsWith("text/html");
    assertThat(html.body()).contains("<html>");

    tenant.faults().clear().setTruncatedBodyRate(1.0);
    QadTestClient.Reply truncated = read();
    assertThat(truncated.status()).isEqualTo(200);
    assertThat(truncated.header("Content-Type")).contains("json");
    assertThatThrownBy(truncated::json).isInstanceOf(AssertionError.class);
  }

  @Test
  void rowsModifiedDuringAPagedReadMakeOffsetPagingSkipRows() {
    for (int i = 0; i < 10; i++) {
      QadFixtures.purchaseOrder(tenant); // 20 lines, all in one second
    }
    clock.set(Instant.parse("2025-03-01T10:05:00Z"));
    tenant.faults().setModifyDuringPagedRead(3);
    Set<String> seen = new HashSet<>();
    List<String> served = new ArrayList<>();
    for (int page = 1; page <= 4; page++) {
      JsonNode body = client.browse(PO_LINES, page, 5, List.of()).json();
      served.addAll(QadBrowseTest.keys(body));
      seen.addAll(QadBrowseTest.keys(body));
      if (!body.get("hasMore").asBoolean()) {
        break;
      }
    }
    // the re-modified rows come round again at the end while untouched rows were skipped
    assertThat(served).hasSize(20);
    assertThat(seen).hasSizeLessThan(20);
    assertThat(tenant.table(QadEntity.PURCHASE_ORDER_LINE).size()).isEqualTo(20);
  }

  @Test
  void ignoredKeyFiltersAnswerTheRowsBeforeTheKeyAgainButKeepTheModifiedFilter() {
    var keyed = List.of("vd_addr,gt," + firstSupplier() + ",literal");
    int all = tenant.table(QadEntity.SUPPLIER).size();
    assertThat(client.browse(SUPPLIERS, 1, 1000, keyed).json().get("totalCount").asInt())
        .isEqualTo(all - 1);

    tenant.faults().setIgnoreKeyFilters(true);
    assertThat(client.browse(SUPPLIERS, 1, 1000, keyed).json().get("totalCount").asInt())
        .isEqualTo(all);
    var future = List.of("vd_addr,gt,A,literal", "mod_date,gt,2099-01-01T00:00:00Z,literal");
    assertThat(client.browse(SUPPLIERS, 1, 1000, future).json().get("totalCount").asInt()).isZero();

    tenant.faults().clear();
    assertThat(client.browse(SUPPLIERS, 1, 1000, keyed).json().get("totalCount").asInt())
        .isEqualTo(all - 1);
  }

  private String firstSupplier() {
    return tenant.table(QadEntity.SUPPLIER).all().stream()
        .map(r -> r.text("vd_addr"))
        .sorted()
        .findFirst()
        .orElseThrow();
  }

  @Test
  void hundredsOfRowsCanShareOneModifiedTimeAcrossPages() {
    for (int i = 0; i < 150; i++) {
      clock.set(Instant.parse("2025-03-01T10:00:00Z").plusSeconds(i));
      QadFixtures.purchaseOrder(tenant);
    }
    QadTestClient.Reply reply =
        client.admin(
            "POST",
            "/faults/share-modified-time",
            "{\"table\":\"pod_det\",\"count\":250,\"at\":\"2025-03-01T11:00:00Z\"}");
    assertThat(reply.json().get("changed").asInt()).isEqualTo(250);
    JsonNode tied =
        client.browse(PO_LINES, 1, 100, List.of("mod_date,eq,2025-03-01T11:00:00Z,literal")).json();
    assertThat(tied.get("totalCount").asInt()).isEqualTo(250);
    assertThat(tied.get("hasMore").asBoolean()).isTrue();
  }

  @Test
  void adminEndpointSwitchesFaultsOnAndOff() {
    QadTestClient.Reply on =
        client.admin("PUT", "/faults", "{\"serverErrorRate\":1.0,\"retryAfterSeconds\":9}");
    assertThat(on.status()).as(on.body()).isEqualTo(200);
    assertThat(on.json().get("serverErrorRate").asDouble()).isEqualTo(1.0);
    assertThat(tenant.faults().getRetryAfterSeconds()).isEqualTo(9);
    assertThat(read().status()).isEqualTo(503);

    client.admin("PUT", "/faults", "{\"throttleRequests\":2}");
    assertThat(tenant.faults().getServerErrorRate()).isEqualTo(1.0); // merged, not replaced

    assertThat(client.admin("DELETE", "/faults", null).status()).isEqualTo(200);
    assertThat(client.admin("GET", "/faults", null).json().get("serverErrorRate").asDouble())
        .isZero();
    assertThat(read().status()).isEqualTo(200);
  }

  @Test
  void faultsAreScopedToOneTenant() {
    QadTenant other = qad.addTenant("globex");
    QadFixtures.masterData(other);
    tenant.faults().setServerErrorRate(1.0);
    QadTestClient otherClient = new QadTestClient(qad, other.config()).login();
    assertThat(otherClient.browse(SUPPLIERS, 1, 10, List.of()).status()).isEqualTo(200);
  }
}

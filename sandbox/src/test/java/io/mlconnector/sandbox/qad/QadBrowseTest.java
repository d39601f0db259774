package io.mlconnector.sandbox.qad;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Browse paging, ordering, filters (incl. modified-since with ties) and the zero-rows quirk. */
class QadBrowseTest {
  private static final String PO_LINES = "urn:browse:mfg:pod_det";
  private static final String SUPPLIERS = "urn:browse:mfg:vd_mstr";
  private final SettableClock clock = new SettableClock(Instant.parse("2025-03-01T10:00:00Z"));
  private QadSimulator qad;
  private QadTenant tenant;
  private QadTestClient client;

  @BeforeEach
  void start() {
    qad = QadSimulator.start(0, clock);
    // the tests move the clock by days; a long token lifetime keeps auth out of the way
    tenant = qad.addTenant(QadTenantConfig.defaults("acme").withTokenLifetime(Duration.ofDays(30)));
    QadFixtures.masterData(tenant);
    client = new QadTestClient(qad, tenant.config()).login();
  }

  @AfterEach
  void stop() {
    qad.close();
  }

  @Test
  void withoutPageAndPageActionFirstTheAnswerIs200WithZeroRows() {
    QadTestClient.Reply bare = client.get("/api/qracore/browses", "browseId", SUPPLIERS);
    assertThat(bare.status()).isEqualTo(200);
    assertThat(bare.json().get("data")).isEmpty();
    assertThat(bare.json().get("totalCount").asInt()).isZero();

    QadTestClient.Reply noAction =
        client.get("/api/qracore/browses", "browseId", SUPPLIERS, "page", "1");
    assertThat(noAction.json().get("data")).isEmpty();

    QadTestClient.Reply proper = client.browse(SUPPLIERS, 1, 10, List.of());
    assertThat(proper.json().get("data")).hasSize(2);
  }

  @Test
  void pagesCarryTotalsAndAreOrderedByModifiedTimeThenKey() {
    clock.set(Instant.parse("2025-03-02T00:00:00Z"));
    QadFixtures.purchaseOrder(tenant); // Q0000001, 2 lines
    clock.set(Instant.parse("2025-03-01T12:00:00Z")); // an older PO entered later (clock skew)
    QadFixtures.purchaseOrder(tenant); // Q0000002
    QadTestClient.Reply first = client.browse(PO_LINES, 1, 3, List.of());
    JsonNode page = first.json();
    assertThat(page.get("totalCount").asInt()).isEqualTo(4);
    assertThat(page.get("hasMore").asBoolean()).isTrue();
    assertThat(page.get("page").asInt()).isEqualTo(1);
    assertThat(page.get("columns").get(0).asText()).isEqualTo("pod_nbr");
    assertThat(keys(page)).containsExactly("Q0000002|1", "Q0000002|2", "Q0000001|1");
    JsonNode second = client.browse(PO_LINES, 2, 3, List.of()).json();
    assertThat(keys(second)).containsExactly("Q0000001|2");
    assertThat(second.get("hasMore").asBoolean()).isFalse();
    assertThat(second.at("/data/0/mod_date").asText()).isEqualTo("2025-03-02T00:00:00Z");
    assertThat(second.at("/data/0/pod_qty_ord").decimalValue()).isEqualByComparingTo("4");
  }

  @Test
  void modifiedSinceFilterReturnsEveryTiedRowAcrossPageBoundaries() {
    // 250 lines modified in the same second: a "> last second" cursor would lose most of them.
    clock.set(Instant.parse("2025-03-01T11:00:00Z"));
    for (int i = 0; i < 125; i++) {
      QadFixtures.purchaseOrder(tenant);
    }
    clock.set(Instant.parse("2025-03-01T12:00:00Z"));
    QadFixtures.purchaseOrder(tenant);

    List<String> seen = new ArrayList<>();
    String since = "mod_date,ge,2025-03-01T11:00:00Z,literal";
    for (int page = 1; ; page++) {
      JsonNode body = client.browse(PO_LINES, page, 100, List.of(since)).json();
      seen.addAll(keys(body));
      if (!body.get("hasMore").asBoolean()) {
        break;
      }
    }
    assertThat(seen).hasSize(252).doesNotHaveDuplicates();

    JsonNode later =
        client.browse(PO_LINES, 1, 100, List.of("mod_date,gt,2025-03-01T11:00:00Z,literal")).json();
    assertThat(keys(later)).containsExactly("Q0000126|1", "Q0000126|2");
  }

  @Test
  void modifiedTimeBoundsSelectExactlyTheirWindowWithItsTotal() {
    clock.set(Instant.parse("2025-03-01T11:00:00Z"));
    QadFixtures.purchaseOrder(tenant); // Q0000001
    clock.set(Instant.parse("2025-03-01T11:30:00Z"));
    QadFixtures.purchaseOrder(tenant); // Q0000002
    clock.set(Instant.parse("2025-03-01T12:00:00Z"));
    QadFixtures.purchaseOrder(tenant); // Q0000003

    assertThat(window("mod_date,eq,2025-03-01T11:30:00Z,literal"))
        .containsExactly("Q0000002|1", "Q0000002|2", "total 2");
    assertThat(window("mod_date,lt,2025-03-01T11:30:00Z,literal"))
        .containsExactly("Q0000001|1", "Q0000001|2", "total 2");
    assertThat(window("mod_date,gt,2025-03-01T11:30:00Z,literal"))
        .containsExactly("Q0000003|1", "Q0000003|2", "total 2");
    assertThat(
            window(
                "mod_date,ge,2025-03-01T11:00:00Z,literal",
                "mod_date,le,2025-03-01T11:30:00Z,literal"))
        .containsExactly("Q0000001|1", "Q0000001|2", "Q0000002|1", "Q0000002|2", "total 4");
    // Bounds between seconds: rows are stamped to the second.
    assertThat(window("mod_date,gt,2025-03-01T11:29:59.500Z,literal"))
        .containsExactly("Q0000002|1", "Q0000002|2", "Q0000003|1", "Q0000003|2", "total 4");
    assertThat(window("mod_date,lt,2025-03-01T11:30:00.500Z,literal"))
        .containsExactly("Q0000001|1", "Q0000001|2", "Q0000002|1", "Q0000002|2", "total 4");
    assertThat(
            window(
                "mod_date,ge,2025-03-01T11:30:00Z,literal",
                "mod_date,lt,2025-03-01T11:30:00Z,literal"))
        .containsExactly("total 0");
  }

  private List<String> window(String... filters) {
    JsonNode body = client.browse(PO_LINES, 1, 10, List.of(filters)).json();
    List<String> out = new ArrayList<>(keys(body));
    out.add("total " + body.get("totalCount").asInt());
    return out;
  }

  @Test
  void filtersCombineWithAndAcceptTablePrefixesAndCommasInValues() {
    QadFixtures.purchaseOrder(tenant);
    JsonNode one =
        client
            .browse(
                PO_LINES,
                1,
                10,
                List.of("pod_det.pod_nbr,eq,Q0000001,literal", "pod_pur_cost,gt,50,literal"))
            .json();
    assertThat(keys(one)).containsExactly("Q0000001|2");
    JsonNode le = client.browse(PO_LINES, 1, 10, List.of("pod_qty_ord,le,4,literal")).json();
    assertThat(keys(le)).containsExactly("Q0000001|2");
    JsonNode lt = client.browse(PO_LINES, 1, 10, List.of("pod_line,lt,2,literal")).json();
    assertThat(keys(lt)).containsExactly("Q0000001|1");

    JsonNode awkward =
        client
            .browse(SUPPLIERS, 1, 10, List.of("vd_sort,eq,Acme, \"Fasteners\" ^ Co,literal"))
            .json();
    assertThat(awkward.at("/data/0/vd_addr").asText()).isEqualTo("S100");
  }

  @Test
  void badRequestsAreExplained() {
    QadTestClient.Reply unknownField = client.browse(PO_LINES, 1, 10, List.of("nope,eq,1,literal"));
    assertThat(unknownField.status()).isEqualTo(400);
    assertThat(unknownField.json().at("/errors/0/code").asText()).isEqualTo("INVALID_FILTER");
    assertThat(client.browse("urn:browse:mfg:nope", 1, 10, List.of()).status()).isEqualTo(404);
    assertThat(client.browse(PO_LINES, 1, 10, List.of("pod_line,like,1,literal")).status())
        .isEqualTo(400);
  }

  @Test
  void changedRecordsMoveToTheEndOfTheBrowseOrder() {
    String po = QadFixtures.purchaseOrder(tenant);
    clock.advance(Duration.ofMinutes(5));
    tenant.change(QadEntity.PURCHASE_ORDER_LINE, po + "|1", Map.of("pod_desc", "renamed"));
    JsonNode body = client.browse(PO_LINES, 1, 10, List.of()).json();
    assertThat(keys(body)).containsExactly(po + "|2", po + "|1");
    assertThat(body.at("/data/1/pod_desc").asText()).isEqualTo("renamed");
    assertThat(body.at("/data/1/mod_date").asText()).isEqualTo("2025-03-01T10:05:00Z");
  }

  @Test
  void everyConfiguredBrowseReadsItsTable() {
    for (QadEntity entity : QadEntity.values()) {
      String browseId = qad.browses().browseIdOf(entity);
      assertThat(client.browse(browseId, 1, 5, List.of()).json().get("table").asText())
          .isEqualTo(entity.table());
    }
  }

  static List<String> keys(JsonNode page) {
    List<String> keys = new ArrayList<>();
    for (JsonNode row : page.get("data")) {
      keys.add(row.get("pod_nbr").asText() + "|" + row.get("pod_line").asText());
    }
    return keys;
  }
}

package io.mlconnector.snpoller;

import static io.mlconnector.snpoller.SnWorld.INVOICE;
import static io.mlconnector.snpoller.SnWorld.INVOICE_LINE;
import static io.mlconnector.snpoller.SnWorld.approve;
import static io.mlconnector.snpoller.SnWorld.published;
import static io.mlconnector.snpoller.SnWorld.run;
import static io.mlconnector.snpoller.SnWorld.total;
import static io.mlconnector.stack.ApiTokenFixtures.READ;
import static io.mlconnector.stack.ApiTokenFixtures.bearer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.common.audit.AuditStage;
import io.mlconnector.common.audit.AuditTrail;
import io.mlconnector.common.event.EntityType;
import io.mlconnector.common.event.SourceSystem;
import io.mlconnector.common.event.Topics;
import io.mlconnector.sandbox.servicenow.ServiceNowInstance;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(SnPollerStackResource.class)
class InvoicePollTest extends SnWorldTest {
  /** The supplier whose invoices the ACL tests hide. */
  private static final String HIDDEN = "HIDDEN";

  @Inject AuditTrail audit;

  @Test
  void approvedInvoicesArePublishedWithTheirLinesOnceThenOnlyChanges() throws Exception {
    ServiceNowInstance sn = world.tenant("inv");
    String t = sn.name();
    ReceiptSyncStub.instance()
        .snapshotOnCall(t, () -> sn.counters().count("GET", "table/" + INVOICE));
    String big = approve(sn, "INV-1", 11);
    String single = approve(sn, "INV-2", 1);
    approve(sn, "INV-3", 2);

    JsonPath report = run(t);

    assertThat(report.getString("receiptSync")).isEqualTo("synced");
    assertThat(ReceiptSyncStub.instance().calls(t))
        .singleElement()
        .satisfies(c -> assertThat(c.snapshot()).as("invoice reads before the sync").isEqualTo(0L));
    assertThat(published(report)).containsEntry("supplier-invoice", 3);
    var events = world.events(Topics.SN_INVOICE_CHANGED, t, -1);
    assertThat(events).hasSize(3);
    var bigEvent = events.stream().filter(s -> s.event().sourceId().equals(big)).findFirst();
    assertThat(bigEvent)
        .hasValueSatisfying(
            s -> {
              assertThat(s.key()).isEqualTo(t + "|invoice|" + big);
              assertThat(s.event().entity()).isEqualTo(EntityType.SUPPLIER_INVOICE);
              assertThat(s.event().sourceSystem()).isEqualTo(SourceSystem.SERVICENOW);
              assertThat(s.event().sourceVersion())
                  .matches(sn.get(INVOICE, big).get("sys_updated_on") + "#[0-9a-f]{64}");
              assertThat(fieldNames(s.event().payload())).containsExactly("header", "lines");
              JsonNode header = s.header();
              assertThat(header.get("sys_id").asText()).isEqualTo(big);
              assertThat(header.get("integration_status").asText()).isEqualTo("New");
              assertThat(header.get("invoice_number").asText()).isEqualTo("INV-1");
              assertThat(header.get("invoice_reference").asText()).isEqualTo("REF-INV-1");
              assertThat(header.get("supplier_code").asText()).isEqualTo("S00001");
              assertThat(header.get("currency").asText()).isEqualTo("EUR");
              JsonNode lines = s.event().payload().get("lines");
              assertThat(StreamSupport.stream(lines.spliterator(), false))
                  .extracting(l -> l.get("line_number").asText())
                  .containsExactlyElementsOf(
                      IntStream.rangeClosed(1, 11).mapToObj(String::valueOf).toList());
              assertThat(lines.get(10).get("po_number").asText()).isEqualTo("POINV-1");
              assertThat(lines.get(10).get("quantity").asText()).isEqualTo("11");
              assertThat(lines.get(10).get("invoice").asText()).isEqualTo(big);
            });
    assertThat(audit.history(t, big))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.stage()).isEqualTo(AuditStage.POLLED);
              assertThat(a.kafka().topic()).isEqualTo(Topics.SN_INVOICE_CHANGED);
              assertThat(a.kafka().offset()).isEqualTo(bigEvent.get().offset());
              assertThat(a.eventId()).isEqualTo(bigEvent.get().event().eventId());
            });

    assertThat(total(published(run(t)))).as("second run without changes").isZero();

    // A later invoice moves the header cursor past the overlap window of the first three.
    world.clock.advance(Duration.ofMinutes(1));
    approve(sn, "INV-4", 1);
    assertThat(published(run(t))).containsEntry("supplier-invoice", 1);

    // The clerk corrects one line only: its invoice goes out again, with the new quantity.
    world.clock.advance(Duration.ofMinutes(1));
    String line =
        sn.list(INVOICE_LINE).stream()
            .filter(l -> l.get("invoice").equals(single))
            .findFirst()
            .orElseThrow()
            .get("sys_id");
    sn.rows().update(INVOICE_LINE, line, Map.of("quantity", "7"), "ap.clerk");
    Map<String, Integer> third = published(run(t));

    assertThat(third)
        .containsEntry("supplier-invoice", 0)
        .containsEntry("supplier-invoice-line", 1);
    var after = world.events(Topics.SN_INVOICE_CHANGED, t, -1);
    assertThat(after).hasSize(5);
    var republished = after.stream().filter(s -> s.event().sourceId().equals(single)).toList();
    assertThat(republished).hasSize(2);
    assertThat(republished.get(1).event().payload().get("lines").get(0).get("quantity").asText())
        .isEqualTo("7");

    JsonPath state =
        given()
            .header("Authorization", bearer(READ))
            .get("/polls/{t}", t)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(state.getString("tables.'supplier-invoice-line'.cursor.lastModified"))
        .isEqualTo("2025-03-01T10:02:00Z");
    assertThat(state.getString("tables.'supplier-invoice-line'.cursor.lastKey")).isEqualTo(line);
    assertThat(state.getInt("tables.'supplier-invoice-line'.lastRun.published")).isEqualTo(1);
    assertThat(state.getString("tables.'supplier-invoice'.cursor.lastModified"))
        .isEqualTo("2025-03-01T10:01:00Z");
  }

  @Test
  void hundredsOfInvoicesSharingOneSecondAcrossPagesArePulledExactlyOnce() throws Exception {
    ServiceNowInstance sn = world.tenant("ties");
    String t = sn.name();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 230; i++) {
      ids.add(approve(sn, "T-" + i, 1));
    }
    assertThat(sn.list(INVOICE))
        .extracting(r -> r.get("sys_updated_on"))
        .containsOnly("2025-03-01 10:00:00");

    assertThat(published(run(t))).containsEntry("supplier-invoice", 230);

    // A mass update inside one second (the clock stands still): 120 ties, pages of 50.
    world.clock.advance(Duration.ofMinutes(1));
    List<String> changed = ids.subList(50, 170);
    changed.forEach(id -> sn.rows().update(INVOICE, id, Map.of("due_date", "2025-04-30"), "ap"));
    assertThat(published(run(t))).containsEntry("supplier-invoice", 120);

    Map<String, Long> perInvoice = perInvoice(world.events(Topics.SN_INVOICE_CHANGED, t, -1));
    assertThat(perInvoice).hasSize(230);
    ids.forEach(
        id -> assertThat(perInvoice.get(id)).as(id).isEqualTo(changed.contains(id) ? 2L : 1L));
  }

  @Test
  void rowsChangedWhilePagingArePulledOncePerChangeAndNoneIsLost() throws Exception {
    ServiceNowInstance sn = world.tenant("drift");
    String t = sn.name();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      ids.add(approve(sn, "D-" + i, 1));
    }
    // Right after the first page, 40 rows are re-saved and jump behind the read position: with
    // offset paging the rows that slide forward would be skipped.
    world.clock.advance(Duration.ofSeconds(10));
    sn.faults().touchRowsAfterFirstPage(INVOICE, 40);

    JsonPath first = run(t);

    assertThat(sn.list(INVOICE))
        .filteredOn(r -> r.get("sys_updated_on").equals("2025-03-01 10:00:10"))
        .hasSize(40);
    assertThat(published(first)).containsEntry("supplier-invoice", 150);
    assertThat(first.getLong("tables[0].read")).isGreaterThanOrEqualTo(150);
    assertThat(first.getLong("tables[0].read") - 150).isEqualTo(first.getLong("tables[0].skipped"));

    // Real changes land while the next read pages through (slowed down), next to more touches.
    world.clock.advance(Duration.ofMinutes(1));
    sn.faults().latency(Duration.ofMillis(5)).touchRowsAfterFirstPage(INVOICE, 60);
    List<String> changed = ids.subList(100, 130);
    long readsBefore = sn.counters().count("GET", "table/" + INVOICE);
    Thread clerk =
        new Thread(
            () -> {
              // Waits for the first page to be served, then changes rows behind and ahead of it.
              while (sn.counters().count("GET", "table/" + INVOICE) == readsBefore) {
                Thread.onSpinWait();
              }
              changed.forEach(
                  id -> sn.rows().update(INVOICE, id, Map.of("tax_amount", "1.00"), "ap.clerk"));
            });
    clerk.start();
    run(t);
    clerk.join();
    sn.faults().clear();
    run(t);

    Map<String, Long> perInvoice = perInvoice(world.events(Topics.SN_INVOICE_CHANGED, t, -1));
    assertThat(perInvoice).hasSize(150);
    ids.forEach(
        id -> assertThat(perInvoice.get(id)).as(id).isEqualTo(changed.contains(id) ? 2L : 1L));
  }

  @Test
  void rowsHiddenByAclsMakingPagesShortOrEmptyDoNotEndTheRead() throws Exception {
    ServiceNowInstance sn = world.tenant("acl");
    String t = sn.name();
    // 70 hidden rows first in keyset order: the first page of 50 comes back empty.
    approveHidden(sn, "H-", 70);
    world.clock.advance(Duration.ofSeconds(1));
    List<String> visible = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      visible.add(approve(sn, "V-" + i, 1));
      approve(sn, "HV-" + i, HIDDEN, 1);
    }
    sn.hideRows(INVOICE, "supplier_code=" + HIDDEN);

    assertThat(published(run(t))).containsEntry("supplier-invoice", 60);

    assertPublishedExactly(t, visible);
  }

  @Test
  void aHiddenRowReSavedBetweenTwoCallsNeverMakesAVisibleRowSlideUnread() throws Exception {
    ServiceNowInstance sn = world.tenant("aclsave");
    String t = sn.name();
    // Exactly one page (50) of hidden rows first: the first page comes back empty and the first
    // visible row is the 51st in keyset order.
    approveHidden(sn, "H-", 50);
    world.clock.advance(Duration.ofSeconds(1));
    List<String> visible = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      visible.add(approve(sn, "V-" + i, 1));
    }
    sn.hideRows(INVOICE, "supplier_code=" + HIDDEN);
    // Right after that empty page a hidden row is re-saved and jumps behind: V-0 slides to the
    // 50th place, under the offset an offset-based next link would continue from.
    world.clock.advance(Duration.ofSeconds(10));
    sn.faults().touchRowsAfterFirstPage(INVOICE, 1);

    assertThat(published(run(t))).containsEntry("supplier-invoice", 5);

    assertPublishedExactly(t, visible);
    assertThat(sn.list(INVOICE))
        .filteredOn(r -> r.get("sys_updated_on").equals("2025-03-01 10:00:11"))
        .hasSize(1); // the re-save did happen between the two calls
  }

  /** Approves invoices of the supplier whose rows the tests hide by ACL. */
  private static void approveHidden(ServiceNowInstance sn, String prefix, int count) {
    for (int i = 0; i < count; i++) {
      approve(sn, prefix + i, HIDDEN, 1);
    }
  }

  private void assertPublishedExactly(String tenant, List<String> invoices) {
    assertThat(world.events(Topics.SN_INVOICE_CHANGED, tenant, -1))
        .extracting(s -> s.event().sourceId())
        .containsExactlyInAnyOrderElementsOf(invoices);
  }

  private static Map<String, Long> perInvoice(List<SnWorld.Seen> events) {
    return events.stream()
        .collect(Collectors.groupingBy(s -> s.event().sourceId(), Collectors.counting()));
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> out = new ArrayList<>();
    node.fieldNames().forEachRemaining(out::add);
    return out;
  }
}

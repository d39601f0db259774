package io.mlconnector.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.sandbox.SandboxLandscape;
import io.mlconnector.sandbox.qad.QadEntity;
import io.mlconnector.sandbox.qad.QadRow;
import io.mlconnector.sandbox.qad.QadTenant;
import io.mlconnector.sandbox.servicenow.ServiceNowInstance;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * QAD → ServiceNow end to end: poller, mapper and writer as separate processes, the sandbox's QAD
 * and ServiceNow, the real broker and PostgreSQL.
 */
class QadToServiceNowIT {
  private static final Duration SYNC_TIMEOUT = Duration.ofMinutes(4);
  private static SandboxLandscape sandbox;
  private static RunningFleet fleet;

  @BeforeAll
  static void startFleet() throws Exception {
    sandbox = SandboxLandscape.start(List.of("it-sync", "it-crash"), 2);
    fleet =
        new RunningFleet(Map.of("MLC_QAD_SCHEDULING_ENABLED", "false"))
            .start(List.of("qad-poller", "mapper-service", "writer-service"));
    for (var t : sandbox.tenants()) {
      fleet.registerForThisTest(io.mlconnector.stack.TenantFixtures.sandboxTenant(t, false));
    }
  }

  @AfterAll
  static void stopFleet() {
    if (fleet != null) {
      fleet.close();
    }
    if (sandbox != null) {
      sandbox.close();
    }
  }

  private static JsonNode poll(String tenant) throws Exception {
    return Http.post(fleet.service("qad-poller").baseUri().resolve("/polls/" + tenant + "/run"));
  }

  private static void awaitSynced(QadTenant qad, ServiceNowInstance sn) {
    await()
        .atMost(SYNC_TIMEOUT)
        .pollInterval(Duration.ofMillis(500))
        .alias("staging rows " + StagingExpectations.progress(qad, sn))
        .until(() -> StagingExpectations.complete(qad, sn));
  }

  @Test
  void seededTenantSyncsFieldForFieldOnceAndAnUnchangedCycleWritesNothing() throws Exception {
    QadTenant qad = sandbox.qad().tenant("it-sync");
    ServiceNowInstance sn = sandbox.servicenow().instance("it-sync");

    poll("it-sync");
    awaitSynced(qad, sn);
    StagingExpectations.assertExactlyOnce(qad, sn);
    QadRow line = qad.table(QadEntity.PURCHASE_ORDER_LINE).all().get(0);
    String lineId = line.get("pod_nbr") + "|" + line.get("pod_line");
    Map<String, String> staged = stagedRow(sn, "sn_fcms_intg_imp_order_line", lineId);
    assertThat(staged.get("u_erp_number")).isEqualTo(line.get("pod_nbr").toString());
    assertThat(staged.get("u_description")).isEqualTo(String.valueOf(line.get("pod_desc")));
    assertThat(staged.get("u_erp_source")).isEqualTo("QAD");

    long writesBefore = sn.counters().writes();
    JsonNode second = poll("it-sync");
    assertThat(second.toString()).doesNotContain("\"published\":1");
    assertThat(sn.counters().writes()).isEqualTo(writesBefore);

    qad.change(QadEntity.PURCHASE_ORDER_LINE, lineId, Map.of("pod_desc", "Changed in QAD"));
    QadRow open = openLine(qad);
    qad.receiving()
        .receive(
            open.get("pod_nbr").toString(),
            Map.of(((Number) open.get("pod_line")).intValue(), BigDecimal.ONE));
    int receiptsBefore = qad.table(QadEntity.GOODS_RECEIPT).size() - 1;
    poll("it-sync");
    await()
        .atMost(SYNC_TIMEOUT)
        .until(
            () ->
                "Changed in QAD"
                        .equals(
                            stagedRow(sn, "sn_fcms_intg_imp_order_line", lineId)
                                .get("u_description"))
                    && sn.rows().snapshot("sn_fcms_intg_imp_receipt").size() == receiptsBefore + 1);
    StagingExpectations.assertExactlyOnce(qad, sn);
  }

  @Test
  void pollerAndWriterKilledMidSyncLoseAndDuplicateNothing() throws Exception {
    QadTenant qad = sandbox.qad().tenant("it-crash");
    ServiceNowInstance sn = sandbox.servicenow().instance("it-crash");
    qad.faults().setLatencyMillis(30); // widen the window in which the poller is mid-page

    Thread run = new Thread(() -> pollQuietly("it-crash"));
    run.start();
    await()
        .atMost(Duration.ofMinutes(1))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> fleet.count("qad_poller", "audit_trail", "tenant = ?", "it-crash") > 0);
    fleet.service("qad-poller").kill();
    run.join();
    qad.faults().setLatencyMillis(0);

    await()
        .atMost(Duration.ofMinutes(1))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> fleet.count("writer", "writer_ledger", "tenant = ?", "it-crash") > 0);
    fleet.service("writer-service").kill();

    fleet.awaitReady(fleet.startService("qad-poller"));
    fleet.awaitReady(fleet.startService("writer-service"));
    poll("it-crash");
    awaitSynced(qad, sn);
    StagingExpectations.assertExactlyOnce(qad, sn);
  }

  private static void pollQuietly(String tenant) {
    try {
      poll(tenant);
    } catch (Exception expected) {
      // The poller is killed while this call is open.
    }
  }

  private static QadRow openLine(QadTenant qad) {
    return qad.table(QadEntity.PURCHASE_ORDER_LINE).all().stream()
        .filter(
            l ->
                new BigDecimal(l.get("pod_qty_rcvd").toString())
                        .compareTo(new BigDecimal(l.get("pod_qty_ord").toString()))
                    < 0)
        .findFirst()
        .orElseThrow();
  }

  private static Map<String, String> stagedRow(ServiceNowInstance sn, String table, String id) {
    return sn.rows().snapshot(table).stream()
        .filter(r -> id.equals(r.get("u_external_id")))
        .findFirst()
        .orElseThrow(() -> new AssertionError(id + " not in " + table));
  }
}

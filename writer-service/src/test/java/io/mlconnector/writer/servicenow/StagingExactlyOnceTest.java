package io.mlconnector.writer.servicenow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mlconnector.common.audit.AuditEntry.KafkaCoordinates;
import io.mlconnector.common.audit.AuditStage;
import io.mlconnector.common.audit.AuditTrail;
import io.mlconnector.common.event.EventEnvelope;
import io.mlconnector.common.event.Topics;
import io.mlconnector.common.kafka.EventPublisher;
import io.mlconnector.common.tenant.TenantDirectory;
import io.mlconnector.sandbox.http.LostAnswer;
import io.mlconnector.sandbox.servicenow.fault.FaultSwitches;
import io.mlconnector.writer.servicenow.service.IncomingUpsert;
import io.mlconnector.writer.servicenow.service.PlannedRow;
import io.mlconnector.writer.servicenow.service.RecordOutcome;
import io.mlconnector.writer.servicenow.service.StagingRowCommand;
import io.mlconnector.writer.servicenow.service.StagingTableWriter;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The ServiceNow side's exactly-once paths, judged by the simulator's staging table: two writers
 * with the same records, older versions after a rewind, deleted staging rows, inserts whose answer
 * was lost.
 */
@QuarkusTest
@QuarkusTestResource(WriterTestStack.class)
class StagingExactlyOnceTest {
  @Inject EventPublisher publisher;
  @Inject AuditTrail audit;
  @Inject StagingTableWriter writer;
  @Inject TenantDirectory tenants;

  @Test
  void twoWritersWithTheSameRecordsInsertEachRowOnce() throws Exception {
    StagingScenario s = StagingScenario.ready(false);
    List<PlannedRow> chunk = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      EventEnvelope e = s.supplier("TWO-" + i, "n" + i);
      chunk.add(
          PlannedRow.of(
              new IncomingUpsert(e, "k", new KafkaCoordinates(Topics.SN_UPSERT, 0, i)),
              StagingRowCommand.parse(e.payload())));
    }
    var tenant = tenants.find(s.tenant).orElseThrow();
    // Both lookups would run at the same time: each would miss and insert (a rebalance handing
    // a batch to a second instance while the first is still writing it).
    s.sn.faults().latency(Duration.ofMillis(300));

    CountDownLatch start = new CountDownLatch(1);
    var first = CompletableFuture.supplyAsync(() -> write(start, tenant, chunk));
    var second = CompletableFuture.supplyAsync(() -> write(start, tenant, chunk));
    start.countDown();
    first.get(60, TimeUnit.SECONDS);
    second.get(60, TimeUnit.SECONDS);
    s.sn.faults().clear();

    assertThat(s.rows()).hasSize(5);
    assertThat(s.rows()).extracting(r -> r.get("u_external_id")).doesNotHaveDuplicates();
  }

  @Test
  void anOlderVersionNeverOverwritesANewerOne() throws Exception {
    StagingScenario s = StagingScenario.ready(false);
    s.send(publisher, null, List.of(s.supplier("VER-1", "newer", "2026-11-26T10:00:05Z#b")));
    awaitStage(s.tenant, "VER-1", AuditStage.WRITTEN, 1);

    // A rewind redelivers the older version alone.
    s.send(publisher, null, List.of(s.supplier("VER-1", "older", "2026-11-26T10:00:00Z#a")));
    awaitStage(s.tenant, "VER-1", AuditStage.SKIPPED_UNCHANGED, 1);

    assertThat(s.rows())
        .singleElement()
        .satisfies(r -> assertThat(r).containsEntry("u_name", "newer"));
    assertThat(audit.history(s.tenant, "VER-1"))
        .filteredOn(e -> e.stage() == AuditStage.SKIPPED_UNCHANGED)
        .singleElement()
        .satisfies(e -> assertThat(e.error()).contains("older than"));
  }

  @Test
  void aStagingRowServiceNowDeletedIsInsertedAgain() throws Exception {
    for (boolean batchApi : List.of(false, true)) {
      StagingScenario s = StagingScenario.ready(batchApi);
      s.send(publisher, null, List.of(s.supplier("DEL-1", "first", "2026-11-26T10:00:00Z#a")));
      awaitStage(s.tenant, "DEL-1", AuditStage.WRITTEN, 1);
      // Import-set cleanup removes the staging row.
      s.sn.rows().delete(StagingScenario.SUPPLIERS, s.rows().get(0).get("sys_id"));

      s.send(publisher, null, List.of(s.supplier("DEL-1", "second", "2026-11-26T10:01:00Z#b")));
      awaitStage(s.tenant, "DEL-1", AuditStage.WRITTEN, 2);

      assertThat(s.rows())
          .singleElement()
          .satisfies(r -> assertThat(r).containsEntry("u_name", "second"));
      assertThat(audit.history(s.tenant, "DEL-1"))
          .extracting(e -> e.stage())
          .doesNotContain(AuditStage.PARKED);
    }
  }

  @Test
  void insertsWhoseAnswerWasLostAreFoundByTheNextLookup() throws Exception {
    for (boolean batchApi : List.of(false, true)) {
      StagingScenario s = StagingScenario.ready(batchApi);
      String endpoint = batchApi ? FaultSwitches.BATCH : FaultSwitches.TABLE_POST;
      s.sn.faults().ambiguousWrites().set(endpoint, 1.0, LostAnswer.RESET);
      List<EventEnvelope> events = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        events.add(s.supplier("LOST-" + i, "n" + i));
      }

      s.send(publisher, s.tenant + "|supplier|lost", events);
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> s.sn.faults().ambiguousWrites().injected(endpoint) >= 1);
      s.sn.faults().clear();
      for (int i = 0; i < 4; i++) {
        awaitStage(s.tenant, "LOST-" + i, AuditStage.WRITTEN, 1);
      }

      assertThat(s.rows()).hasSize(4);
      assertThat(s.rows()).extracting(r -> r.get("u_external_id")).doesNotHaveDuplicates();
    }
  }

  private List<RecordOutcome> write(
      CountDownLatch start, io.mlconnector.common.tenant.Tenant tenant, List<PlannedRow> chunk) {
    try {
      start.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return writer.write(tenant, StagingScenario.SUPPLIERS, chunk);
  }

  private void awaitStage(String tenant, String id, AuditStage stage, int count) {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                audit.history(tenant, id).stream().filter(e -> e.stage() == stage).count()
                    >= count);
  }
}

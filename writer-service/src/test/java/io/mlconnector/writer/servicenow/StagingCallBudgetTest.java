package io.mlconnector.writer.servicenow;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.common.audit.AuditEntry;
import io.mlconnector.common.audit.AuditEntry.KafkaCoordinates;
import io.mlconnector.common.audit.AuditStage;
import io.mlconnector.common.audit.AuditTrail;
import io.mlconnector.common.event.EventEnvelope;
import io.mlconnector.common.event.Topics;
import io.mlconnector.sandbox.servicenow.fault.FaultSwitches.SubRequestFault;
import io.mlconnector.stack.SqlProbe;
import io.mlconnector.writer.servicenow.service.IncomingUpsert;
import io.mlconnector.writer.servicenow.service.RecordOutcome;
import io.mlconnector.writer.servicenow.service.StagingBatchProcessor;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * ServiceNow calls per poll, counted by the simulator, for a tenant with the Batch API: polls of
 * 500 records (the consumer's max-poll-records) handed to the processor as the consumer loop does.
 */
@QuarkusTest
@QuarkusTestResource(WriterTestStack.class)
class StagingCallBudgetTest {
  private static final AtomicLong OFFSETS = new AtomicLong(1_000_000);

  @Inject StagingBatchProcessor processor;
  @Inject AuditTrail audit;
  @Inject DataSource dataSource;

  @Test
  void aThousandRecordLoadTakesTwoCallsPerPollAndItsReplayNone() throws Exception {
    StagingScenario s = StagingScenario.ready(true);
    List<List<IncomingUpsert>> polls = polls(s, 1000, i -> s.supplier("L" + i, "n" + i));

    polls.forEach(processor::process);

    assertThat(s.rows()).hasSize(1000);
    assertThat(s.rows()).extracting(r -> r.get("u_external_id")).doesNotHaveDuplicates();
    // Per poll: one Batch call looking up 500 ids (50 GET sub-requests of servicenow-batch-size
    // 10 ids) and one inserting 500 rows. The code before looked up and wrote per 10-row chunk:
    // 200 calls.
    assertThat(apiCalls(s)).isEqualTo(4);
    assertThat(s.calls("POST", "batch")).isEqualTo(4);
    assertThat(s.calls("GET", "table/" + StagingScenario.SUPPLIERS)).isEqualTo(100);

    long writes = s.sn.counters().writes();
    polls.forEach(processor::process);

    assertThat(s.sn.counters().writes()).isEqualTo(writes);
    assertThat(apiCalls(s)).isEqualTo(4);
    // The trail (written per poll in one JDBC batch): per record WRITTEN with the row's sys_id and
    // the record's offset, then SKIPPED_UNCHANGED for the replay; the ledger holds every sys_id.
    Map<String, String> sysIds = new HashMap<>();
    s.rows().forEach(r -> sysIds.put(r.get("u_external_id"), r.get("sys_id")));
    for (int i : new int[] {0, 499, 500, 999}) {
      IncomingUpsert record = polls.get(i / 500).get(i % 500);
      List<AuditEntry> trail = audit.history(s.tenant, "L" + i);
      assertThat(trail)
          .extracting(AuditEntry::stage)
          .containsExactly(AuditStage.WRITTEN, AuditStage.SKIPPED_UNCHANGED);
      assertThat(trail.get(0).targetId()).isEqualTo(sysIds.get("L" + i));
      assertThat(trail).allMatch(e -> e.kafka().offset() == record.where().offset());
    }
    assertThat(ledgerRows(s.tenant)).isEqualTo(1000);
  }

  private long ledgerRows(String tenant) throws Exception {
    return SqlProbe.count(
        dataSource,
        "select count(*) from writer_ledger where tenant = ? and status = 'WRITTEN'"
            + " and target_id is not null",
        tenant);
  }

  @Test
  void changedRowsTheLedgerKnowsAreUpdatedInOneCallWithoutALookup() throws Exception {
    StagingScenario s = StagingScenario.ready(true);
    polls(s, 100, i -> s.supplier("C" + i, "n" + i)).forEach(processor::process);
    long before = apiCalls(s);

    List<List<IncomingUpsert>> changed = polls(s, 10, i -> s.supplier("C" + i, "changed" + i));
    changed.forEach(processor::process);

    assertThat(apiCalls(s) - before).isEqualTo(1);
    assertThat(s.rows()).hasSize(100);
    assertThat(s.rows()).filteredOn(r -> r.get("u_name").startsWith("changed")).hasSize(10);
  }

  @Test
  void aRowGoneFromItsLedgerSysIdIsLookedUpBeforeItIsInsertedAgain() throws Exception {
    StagingScenario s = StagingScenario.ready(true);
    polls(s, 1, i -> s.supplier("G0", "first")).forEach(processor::process);
    // The row the ledger knows is deleted, and one for the same id was inserted again before a
    // crash kept the ledger from recording it.
    s.sn.rows().delete(StagingScenario.SUPPLIERS, s.rows().get(0).get("sys_id"));
    String again =
        s.sn
            .insert(StagingScenario.SUPPLIERS, Map.of("u_external_id", "G0", "u_name", "again"))
            .get("sys_id");

    List<RecordOutcome> out =
        processor.process(polls(s, 1, i -> s.supplier("G0", "second")).get(0));

    assertThat(out).singleElement().satisfies(o -> assertThat(o.sysId()).isEqualTo(again));
    assertThat(s.rows())
        .singleElement()
        .satisfies(r -> assertThat(r).containsEntry("u_name", "second"));
  }

  @Test
  void aLookupMeeting429InsideTheBatchIsRetriedAndTheRowsWrittenOnce() throws Exception {
    StagingScenario s = StagingScenario.ready(true);
    s.sn.faults().failBatchSubRequests(3, new SubRequestFault("GET", 429, false));

    List<RecordOutcome> out =
        processor.process(polls(s, 30, i -> s.supplier("R" + i, "n" + i)).get(0));

    assertThat(out).allMatch(o -> o.stage() == AuditStage.WRITTEN);
    assertThat(s.rows()).hasSize(30);
  }

  @Test
  void anInsertFailingInsideTheBatchIsLookedUpBeforeItIsInsertedAgain() throws Exception {
    StagingScenario s = StagingScenario.ready(true);
    // Applied, answered 500: the row exists, the writer cannot know it.
    s.sn.faults().failBatchSubRequests(1, new SubRequestFault("POST", 500, true));
    List<IncomingUpsert> poll = polls(s, 5, i -> s.supplier("U" + i, "n" + i)).get(0);

    List<RecordOutcome> first = processor.process(poll);
    List<RecordOutcome> replay = processor.process(poll);

    assertThat(first).filteredOn(o -> o.stage() == AuditStage.FAILED).hasSize(1);
    assertThat(replay)
        .filteredOn(o -> o.stage() == AuditStage.WRITTEN)
        .extracting(o -> o.command().externalId())
        .containsExactlyElementsOf(
            first.stream()
                .filter(o -> o.stage() == AuditStage.FAILED)
                .map(o -> o.command().externalId())
                .toList());
    assertThat(s.rows()).hasSize(5);
    assertThat(s.rows()).extracting(r -> r.get("u_external_id")).doesNotHaveDuplicates();
  }

  private static long apiCalls(StagingScenario s) {
    return s.sn.counters().httpRequests() - s.calls("POST", "oauth_token.do");
  }

  /** {@code count} records in polls of at most 500, with Kafka coordinates as the loop has them. */
  private static List<List<IncomingUpsert>> polls(
      StagingScenario s, int count, IntFunction<EventEnvelope> event) {
    List<List<IncomingUpsert>> polls = new ArrayList<>();
    for (int from = 0; from < count; from += 500) {
      List<IncomingUpsert> poll = new ArrayList<>();
      for (int i = from; i < Math.min(count, from + 500); i++) {
        EventEnvelope e = event.apply(i);
        poll.add(
            new IncomingUpsert(
                e,
                s.tenant + "|supplier|" + e.sourceId(),
                new KafkaCoordinates(Topics.SN_UPSERT, 0, OFFSETS.incrementAndGet())));
      }
      polls.add(poll);
    }
    return polls;
  }
}

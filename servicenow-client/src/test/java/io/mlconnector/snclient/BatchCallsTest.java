package io.mlconnector.snclient;

import static io.mlconnector.snclient.SimulatedTenants.SUPPLIERS;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.sandbox.servicenow.ServiceNowInstance;
import io.mlconnector.sandbox.servicenow.fault.FaultSwitches.SubRequestFault;
import io.mlconnector.snclient.error.ServiceNowException;
import io.mlconnector.snclient.model.BatchReadResult;
import io.mlconnector.snclient.model.BatchWrite;
import io.mlconnector.snclient.model.BatchWriteResult;
import io.mlconnector.snclient.model.ServiceNowRecord;
import io.mlconnector.snclient.query.EncodedQuery;
import io.mlconnector.snclient.query.TableQuery;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Lookups as GET sub-requests of one Batch API call, and sub-requests failing inside a batch
 * handled like the same Table API call: reads and updates retried, an insert never resent.
 */
@QuarkusTest
class BatchCallsTest extends SimulatorTest {
  private ServiceNowClient client(String name) {
    return client(name, true);
  }

  private static TableQuery byIds(List<String> ids, int pageSize) {
    return TableQuery.of(SUPPLIERS)
        .where(EncodedQuery.builder().in("u_external_id", ids).build())
        .fields("sys_id", "u_external_id")
        .pageSize(pageSize);
  }

  private static List<String> ids(int from, int to) {
    return IntStream.range(from, to).mapToObj(i -> "V" + i).toList();
  }

  @Test
  void manyLookupsGoInOneBatchCall() {
    String name = SimulatedTenants.uniqueId();
    ServiceNowInstance sn = SimulatedTenants.ready(sim, name);
    for (int i = 0; i < 250; i += 2) {
      sn.insert(SUPPLIERS, Map.of("u_external_id", "V" + i));
    }
    ServiceNowClient client = client(name);
    sn.counters().reset();

    List<BatchReadResult> found =
        client.queryBatch(
            List.of(byIds(ids(0, 100), 100), byIds(ids(100, 200), 100), byIds(ids(200, 300), 100)));

    assertThat(found).allMatch(BatchReadResult::succeeded);
    assertThat(found.stream().map(r -> r.records().size()).toList()).containsExactly(50, 50, 25);
    assertThat(found.get(1).records()).extracting(r -> r.get("u_external_id")).contains("V100");
    assertThat(sn.counters().httpRequests() - sn.counters().count("POST", "oauth_token.do"))
        .isEqualTo(1);
    assertThat(sn.counters().count("POST", "batch")).isEqualTo(1);
    assertThat(sn.counters().count("GET", "table/" + SUPPLIERS)).isEqualTo(3);
  }

  @Test
  void aLookupWithMorePagesReadsTheRestThroughTheTableApi() {
    String name = SimulatedTenants.uniqueId();
    ServiceNowInstance sn = SimulatedTenants.ready(sim, name);
    ids(0, 5).forEach(id -> sn.insert(SUPPLIERS, Map.of("u_external_id", id)));

    List<BatchReadResult> found = client(name).queryBatch(List.of(byIds(ids(0, 5), 2)));

    assertThat(found.get(0).records())
        .extracting(r -> r.get("u_external_id"))
        .containsExactlyInAnyOrderElementsOf(ids(0, 5));
  }

  @Test
  void aLookupMeeting429Or500InsideTheBatchIsSentAgain() {
    String name = SimulatedTenants.uniqueId();
    ServiceNowInstance sn = SimulatedTenants.ready(sim, name);
    ids(0, 3).forEach(id -> sn.insert(SUPPLIERS, Map.of("u_external_id", id)));
    ServiceNowClient client = client(name);

    sn.faults().failBatchSubRequests(1, new SubRequestFault("GET", 429, false));
    List<BatchReadResult> afterRateLimit = client.queryBatch(List.of(byIds(ids(0, 3), 100)));
    sn.faults().failBatchSubRequests(2, new SubRequestFault("GET", 500, false));
    List<BatchReadResult> afterServerErrors = client.queryBatch(List.of(byIds(ids(0, 3), 100)));

    assertThat(afterRateLimit.get(0).records()).hasSize(3);
    assertThat(afterServerErrors.get(0).records()).hasSize(3);
    assertThat(sn.counters().count("POST", "batch")).isEqualTo(5);
  }

  @Test
  @Timeout(60) // a sub-request's Retry-After used to be slept out whatever its length
  void aSubRequestRetryAfterAboveTheCapOpensTheBreakerInsteadOfHoldingTheThread() {
    String name = SimulatedTenants.uniqueId();
    ServiceNowInstance sn = SimulatedTenants.ready(sim, name);
    ids(0, 3).forEach(id -> sn.insert(SUPPLIERS, Map.of("u_external_id", id)));
    ServiceNowClient client = client(name);

    sn.faults().failBatchSubRequests(1, new SubRequestFault("GET", 429, false, 86_400));
    List<BatchReadResult> throttled = client.queryBatch(List.of(byIds(ids(0, 3), 100)));
    long callsWhileThrottled = sn.counters().count("POST", "batch");
    List<BatchReadResult> next = client.queryBatch(List.of(byIds(ids(0, 3), 100)));

    assertThat(throttled.get(0).succeeded()).isFalse();
    assertThat(throttled.get(0).error().status()).isEqualTo(429);
    assertThat(throttled.get(0).error()).hasMessageContaining("86400 s is above the cap");
    // the tenant's breaker holds the next call back: nothing more reaches the instance
    assertThat(next.get(0).succeeded()).isFalse();
    assertThat(sn.counters().count("POST", "batch")).isEqualTo(callsWhileThrottled);
  }

  @Test
  void anInsertFailingInsideTheBatchIsNeverResentAnUpdateIs() {
    String name = SimulatedTenants.uniqueId();
    ServiceNowInstance sn = SimulatedTenants.ready(sim, name);
    String existing = sn.insert(SUPPLIERS, Map.of("u_external_id", "V0")).get("sys_id");
    ServiceNowClient client = client(name);

    // applied, answer 500: the row exists, and the client must not create it a second time
    sn.faults().failBatchSubRequests(1, new SubRequestFault("POST", 500, true));
    List<BatchWriteResult> inserted =
        client.batch(List.of(BatchWrite.insert("i1", SUPPLIERS, Map.of("u_external_id", "V1"))));
    sn.faults().failBatchSubRequests(1, new SubRequestFault("PATCH", 500, false));
    List<BatchWriteResult> updated =
        client.batch(
            List.of(BatchWrite.update("u0", SUPPLIERS, existing, Map.of("u_name", "Zed"))));
    sn.faults().failBatchSubRequests(1, new SubRequestFault("POST", 429, false));
    List<BatchWriteResult> afterRateLimit =
        client.batch(List.of(BatchWrite.insert("i2", SUPPLIERS, Map.of("u_external_id", "V2"))));

    assertThat(inserted.get(0).succeeded()).isFalse();
    assertThat(inserted.get(0).error()).isInstanceOf(ServiceNowException.class);
    assertThat(inserted.get(0).error().retryable()).isTrue();
    assertThat(rows(sn, "V1")).hasSize(1);
    assertThat(updated.get(0).succeeded()).isTrue();
    assertThat(sn.get(SUPPLIERS, existing)).containsEntry("u_name", "Zed");
    assertThat(afterRateLimit.get(0).succeeded()).isTrue();
    assertThat(rows(sn, "V2")).hasSize(1);
  }

  @Test
  void writesAreSplitIntoCallsTheTransactionQuotaServices() {
    String name = SimulatedTenants.uniqueId();
    ServiceNowInstance sn = SimulatedTenants.ready(sim, name).setBatchLimit(40);
    ServiceNowClient client = client(name);
    List<BatchWrite> first = new ArrayList<>();
    List<BatchWrite> second = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      first.add(BatchWrite.insert("a" + i, SUPPLIERS, Map.of("u_external_id", "A" + i)));
      second.add(BatchWrite.insert("b" + i, SUPPLIERS, Map.of("u_external_id", "B" + i)));
    }

    client.batch(first);
    long afterFirst = sn.counters().count("POST", "batch");
    List<BatchWriteResult> results = client.batch(second);

    // the first call learns the instance services 40 per call (3 calls, 1 of them cut short);
    // the next batch is sized to fit: 40 + 40 + 20, none cut short
    assertThat(afterFirst).isEqualTo(3);
    assertThat(sn.counters().count("POST", "batch") - afterFirst).isEqualTo(3);
    assertThat(results).allMatch(BatchWriteResult::succeeded);
    assertThat(sn.list(SUPPLIERS)).hasSize(200);
  }

  private static List<ServiceNowRecord> rows(ServiceNowInstance sn, String externalId) {
    return sn.list(SUPPLIERS).stream()
        .filter(r -> externalId.equals(r.get("u_external_id")))
        .map(ServiceNowRecord::new)
        .toList();
  }
}

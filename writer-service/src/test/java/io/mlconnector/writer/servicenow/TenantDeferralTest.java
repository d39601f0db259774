package io.mlconnector.writer.servicenow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mlconnector.common.audit.AuditStage;
import io.mlconnector.common.audit.AuditTrail;
import io.mlconnector.common.event.EntityType;
import io.mlconnector.common.event.EventEnvelope;
import io.mlconnector.common.event.EventKey;
import io.mlconnector.common.event.Topics;
import io.mlconnector.common.kafka.EventPublisher;
import io.mlconnector.common.kafka.EventPublisher.Outgoing;
import io.mlconnector.writer.SamePartition;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

/**
 * Head-of-line blocking, on the real broker: tenant A's ServiceNow is down while tenant B's records
 * arrive on the same partition behind A's. B's rows must reach B's instance while A is still down;
 * after A recovers all of A's records arrive, each key at its newest version, none twice.
 */
@QuarkusTest
@QuarkusTestResource(WriterTestStack.class)
@TestProfile(TenantDeferralTest.SmallPolls.class)
class TenantDeferralTest {
  /**
   * Polls of three records, so four of A's records are more than a poll, as A's backlog of a real
   * outage is more than {@code max-poll-records}: a partition held at A's oldest record would never
   * let the consumer see B's records at all.
   */
  public static class SmallPolls implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("mlc.writer.servicenow.max-poll-records", "3");
    }
  }

  @Inject EventPublisher publisher;
  @Inject AuditTrail audit;

  @Test
  void oneTenantsOutageNeverHoldsBackAnotherTenantOnTheSamePartition() throws Exception {
    StagingScenario a = StagingScenario.ready(false);
    StagingScenario b = StagingScenario.ready(false);
    SamePartition partitions = SamePartition.of(Topics.SN_UPSERT);
    int partition = partitions.partitionOf(key(a, "A0"));
    List<String> aIds = idsOn(a, "A", partition, partitions, 4);
    List<String> bIds = idsOn(b, "B", partition, partitions, 4);
    a.sn.faults().serverErrors(1.0, 503);

    send(a, aIds, "first", partition);
    awaitStage(a.tenant, aIds.get(0), AuditStage.FAILED);
    send(b, bIds, "only", partition);

    // B flows while A is down: its rows are in B's instance, none of A's in A's.
    await().atMost(Duration.ofSeconds(60)).until(() -> b.rows().size() == bIds.size());
    assertThat(a.rows()).isEmpty();
    assertThat(b.rows())
        .extracting(r -> r.get("u_external_id"))
        .containsExactlyInAnyOrderElementsOf(bIds);

    // Newer versions of A's keys while A is still down queue up behind the older ones.
    send(a, aIds, "second", partition);
    aIds.forEach(id -> awaitStage(a.tenant, id, AuditStage.FAILED, 2));
    assertThat(a.rows()).isEmpty();
    a.sn.faults().clear();

    await()
        .atMost(Duration.ofSeconds(90))
        .until(
            () ->
                namesOf(a).values().stream().allMatch("second"::equals)
                    && namesOf(a).size() == aIds.size());
    List<Map<String, String>> rows = a.rows();
    assertThat(rows).hasSize(aIds.size()); // none twice
    assertThat(rows.stream().map(r -> r.get("u_external_id")).collect(Collectors.toSet()))
        .containsExactlyInAnyOrderElementsOf(aIds);
    // Each key's newest version is what ServiceNow holds, and it was written once more at most
    // (the older version either written first or superseded, never after the newer one).
    assertThat(rows).allSatisfy(r -> assertThat(r.get("u_name")).isEqualTo("second"));
    assertThat(rows)
        .allSatisfy(
            r -> assertThat(Integer.parseInt(r.get("sys_mod_count"))).isLessThanOrEqualTo(1));
    assertThat(b.rows()).hasSize(bIds.size());
  }

  private Map<String, String> namesOf(StagingScenario s) {
    return s.rows().stream()
        .collect(
            Collectors.toMap(
                r -> r.get("u_external_id"), r -> r.get("u_name"), (x, y) -> x + "," + y));
  }

  private void send(StagingScenario s, List<String> ids, String name, int partition) {
    List<Outgoing> out = new ArrayList<>();
    for (String id : ids) {
      EventEnvelope e =
          s.supplier(id, name, "2026-11-26T10:00:0" + (name.equals("first") ? 1 : 2) + "Z#" + name);
      out.add(new Outgoing(Topics.SN_UPSERT, key(s, id), e));
    }
    List<RecordMetadata> sent = publisher.publishAndAwait(out, Duration.ofSeconds(30));
    assertThat(sent).allSatisfy(m -> assertThat(m.partition()).isEqualTo(partition));
  }

  private static String key(StagingScenario s, String id) {
    return EventKey.of(s.tenant, EntityType.SUPPLIER, id);
  }

  /** Ids of the tenant whose keys the default partitioner puts on {@code partition}. */
  private static List<String> idsOn(
      StagingScenario s, String prefix, int partition, SamePartition partitions, int count) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; ids.size() < count; i++) {
      if (partitions.partitionOf(key(s, prefix + i)) == partition) {
        ids.add(prefix + i);
      }
    }
    return ids;
  }

  private void awaitStage(String tenant, String id, AuditStage stage) {
    awaitStage(tenant, id, stage, 1);
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

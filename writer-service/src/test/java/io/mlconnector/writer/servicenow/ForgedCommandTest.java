package io.mlconnector.writer.servicenow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mlconnector.common.audit.AuditEntry;
import io.mlconnector.common.audit.AuditStage;
import io.mlconnector.common.audit.AuditTrail;
import io.mlconnector.common.event.EventEnvelope;
import io.mlconnector.common.kafka.EventPublisher;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Kafka is not proof of origin: an {@code sn.upsert} for a table no staging mapping targets is
 * parked with a reason and never reaches ServiceNow, even when the integration user could write
 * that table.
 */
@QuarkusTest
@QuarkusTestResource(WriterTestStack.class)
class ForgedCommandTest {
  private static final String ROLES = "sys_user_has_role";

  @Inject EventPublisher publisher;
  @Inject AuditTrail audit;

  @Test
  void aForgedUpsertForTheRoleTableIsParkedAndTheTableStaysUntouched() throws Exception {
    // The integration user of this instance may write role grants: only the writer stands between.
    StagingScenario s =
        StagingScenario.create(false, "sn_fcms_intg.integration_user", "user_admin");
    EventEnvelope forged =
        s.command(ROLES, "user", "attacker-1", Map.of("user", "attacker-1", "role", "admin"));

    s.send(publisher, null, List.of(forged, s.supplier("V-LEGIT", "Legit")));

    AuditEntry parked = awaitStage(s.tenant, "attacker-1", AuditStage.PARKED);
    assertThat(parked.error())
        .contains("sys_user_has_role")
        .contains("no staging mapping")
        .contains("nothing written");
    awaitStage(s.tenant, "V-LEGIT", AuditStage.WRITTEN);
    assertThat(audit.history(s.tenant, "attacker-1"))
        .extracting(AuditEntry::stage)
        .doesNotContain(AuditStage.WRITTEN, AuditStage.FAILED);
    // Ground truth: the simulator's role table is empty and was never even asked.
    assertThat(s.sn.rows().snapshot(ROLES)).isEmpty();
    assertThat(s.sn.counters().snapshot().get("endpoints").toString()).doesNotContain(ROLES);
    assertThat(s.rows()).extracting(r -> r.get("u_external_id")).containsExactly("V-LEGIT");
  }

  @Test
  void aJavascriptExternalIdIsParkedAndNeverReachesServiceNow() throws Exception {
    StagingScenario s = StagingScenario.ready(false);
    String script = "  JavaScript:gs.getUserID()";

    s.send(publisher, null, List.of(s.supplier(script, "Script"), s.supplier("V-OK", "Fine")));

    AuditEntry parked = awaitStage(s.tenant, script, AuditStage.PARKED);
    assertThat(parked.error()).contains("javascript:").contains("nothing sent");
    awaitStage(s.tenant, "V-OK", AuditStage.WRITTEN);
    // Ground truth: only the plain record is in the simulator, nothing script-like in any column.
    assertThat(s.rows()).extracting(r -> r.get("u_external_id")).containsExactly("V-OK");
    assertThat(s.rows().toString().toLowerCase()).doesNotContain("javascript");
  }

  private AuditEntry awaitStage(String tenant, String id, AuditStage stage) {
    return await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                audit.history(tenant, id).stream()
                    .filter(e -> e.stage() == stage)
                    .findFirst()
                    .orElse(null),
            e -> e != null);
  }
}

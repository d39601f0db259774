package io.mlconnector.writer.servicenow;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.common.event.EntityType;
import io.mlconnector.common.event.EventEnvelope;
import io.mlconnector.common.event.EventKey;
import io.mlconnector.common.event.SourceSystem;
import io.mlconnector.common.event.Topics;
import io.mlconnector.common.kafka.EventPublisher;
import io.mlconnector.common.kafka.EventPublisher.Outgoing;
import io.mlconnector.common.tenant.Secret;
import io.mlconnector.common.tenant.Tenant;
import io.mlconnector.sandbox.servicenow.ServiceNowInstance;
import io.mlconnector.sandbox.servicenow.ServiceNowSimulator;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One test's tenant: its simulated instance, its registry entry, and sn.upsert commands. */
final class StagingScenario {
  static final String SUPPLIERS = "sn_fcms_intg_imp_supplier";
  private static final ObjectMapper JSON = new ObjectMapper();

  final String tenant;
  final ServiceNowSimulator sim = WriterTestStack.simulator();
  final ServiceNowInstance sn;

  private StagingScenario(String... roles) {
    this.tenant = "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    this.sn =
        sim.addInstance(tenant)
            .addUser("svc.integration", "pw", roles)
            .addOAuthClient("mlc", "secret", "svc.integration")
            .enableClientCredentialsGrant();
  }

  /** A tenant whose integration user has the staging roles. */
  static StagingScenario ready(boolean batchApi) throws Exception {
    return create(batchApi, "sn_fcms_intg.integration_user");
  }

  /** A tenant whose integration user has only {@code roles}. */
  static StagingScenario create(boolean batchApi, String... roles) throws Exception {
    StagingScenario scenario = new StagingScenario(roles);
    scenario.register(batchApi, scenario.tenant);
    return scenario;
  }

  private void register(boolean batchApi, String id) throws Exception {
    WriterTestStack.fixtures()
        .put(
            new Tenant(
                id,
                id,
                true,
                new Tenant.Qad(
                    URI.create("http://127.0.0.1:1/qad"), "ws", "qad", "u", new Secret("p")),
                new Tenant.ServiceNow(
                    URI.create(sim.instanceUrl(id)), "mlc", new Secret("secret"), batchApi),
                Map.of(),
                Map.of(),
                true,
                false));
  }

  /** A supplier staging command as the mapper produces it. */
  EventEnvelope supplier(String externalId, String name) {
    return supplier(externalId, name, "v-" + name);
  }

  /** The same at a QAD source version ({@code modified#hash}). */
  EventEnvelope supplier(String externalId, String name, String version) {
    ObjectNode payload = JSON.createObjectNode();
    payload.put("table", SUPPLIERS);
    payload.put("externalIdField", "u_external_id");
    payload.put("externalId", externalId);
    payload
        .putObject("row")
        .put("u_external_id", externalId)
        .put("u_erp_source", "QAD")
        .put("u_supplier_code", externalId)
        .put("u_name", name)
        .put("u_currency", "EUR")
        .put("u_active", "true");
    return EventEnvelope.create(
        tenant,
        EntityType.SUPPLIER,
        SourceSystem.CONNECTOR,
        externalId,
        version,
        Instant.parse("2026-11-26T10:00:00Z"),
        payload);
  }

  /** An sn.upsert command for any table, as someone with access to the topic could forge it. */
  EventEnvelope command(String table, String idField, String externalId, Map<String, String> row) {
    ObjectNode payload = JSON.createObjectNode();
    payload.put("table", table);
    payload.put("externalIdField", idField);
    payload.put("externalId", externalId);
    ObjectNode values = payload.putObject("row");
    row.forEach(values::put);
    return EventEnvelope.create(
        tenant,
        EntityType.SUPPLIER,
        SourceSystem.CONNECTOR,
        externalId,
        "v-forged",
        Instant.parse("2026-11-26T10:00:00Z"),
        payload);
  }

  /** Sends commands under their own keys, or all under {@code sharedKey} when given. */
  void send(EventPublisher publisher, String sharedKey, List<EventEnvelope> events) {
    List<Outgoing> out =
        events.stream()
            .map(
                e ->
                    new Outgoing(
                        Topics.SN_UPSERT,
                        sharedKey != null
                            ? sharedKey
                            : EventKey.of(tenant, EntityType.SUPPLIER, e.sourceId()),
                        e))
            .toList();
    publisher.publishAndAwait(out, Duration.ofSeconds(30));
  }

  List<Map<String, String>> rows() {
    return sn.list(SUPPLIERS);
  }

  long calls(String method, String endpoint) {
    return sn.counters().count(method, endpoint);
  }
}

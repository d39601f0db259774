package io.mlconnector.stack.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.common.event.Topics;
import io.mlconnector.stack.LocalStack;
import io.mlconnector.stack.StackEndpoints;
import io.mlconnector.stack.TopicProbe;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failed chaos run's triage reads the real broker and database: a consumer group with a lag, a
 * tenant with records waiting in the writer's deferred queue, an open breaker row and a pause in
 * the future are all in it, with the last audit row of a lost record, and the lost records are
 * counted per tenant and table.
 */
class FleetDiagnosticsTest {
  private static final List<String> LOST =
      List.of(
          "acme/sn_fcms_intg_imp_order_line/P0000174|2",
          "acme/sn_fcms_intg_imp_order_line/P0000174|3",
          "acme/u_receipt/R1|1",
          "globex/sn_fcms_intg_imp_order_line/P0000009|1");

  @Test
  void lostRecordsAreCountedPerTenantAndTable() {
    var grouped = FleetDiagnostics.lostPerTenantAndTable(LOST);

    assertThat(grouped.get("acme").get("sn_fcms_intg_imp_order_line"))
        .containsEntry("count", 2)
        .containsEntry("first_keys", List.of("P0000174|2", "P0000174|3"));
    assertThat(grouped.get("acme").get("u_receipt")).containsEntry("count", 1);
    assertThat(grouped.get("globex")).containsOnlyKeys("sn_fcms_intg_imp_order_line");
  }

  @Test
  void readsLagDeferredQueuesBreakersPausesAndAuditRows(@TempDir Path dir) throws Exception {
    try (LocalStack stack = new LocalStack(dir, (StackEndpoints) null)) {
      StackEndpoints endpoints = stack.start();
      seedDatabase(endpoints.jdbcUrl());
      TopicProbe probe = new TopicProbe(endpoints);
      for (int i = 0; i < 5; i++) {
        probe.send(Topics.SN_UPSERT, "acme|" + i, "{}".getBytes(StandardCharsets.UTF_8));
      }
      Map<TopicPartition, OffsetAndMetadata> atStart = new HashMap<>();
      try (Admin admin = Admin.create(endpoints.kafkaAdminSettings())) {
        int partitions =
            admin
                .describeTopics(List.of(Topics.SN_UPSERT))
                .allTopicNames()
                .get()
                .get(Topics.SN_UPSERT)
                .partitions()
                .size();
        for (int p = 0; p < partitions; p++) {
          atStart.put(new TopicPartition(Topics.SN_UPSERT, p), new OffsetAndMetadata(0));
        }
        admin.alterConsumerGroupOffsets("mlc-writer-servicenow", atStart).all().get();
        admin.alterConsumerGroupOffsets("someone-else", atStart).all().get();
      }

      var groups = FleetDiagnostics.consumerGroups(endpoints.kafkaAdminSettings());
      var db = FleetDiagnostics.database(endpoints.jdbcUrl(), LOST);

      assertThat(groups).containsOnlyKeys("mlc-writer-servicenow");
      var writer = groups.get("mlc-writer-servicenow");
      assertThat(writer.values()).allSatisfy(p -> assertThat(p.get("committed")).isZero());
      assertThat(writer.values().stream().mapToLong(p -> p.get("lag")).sum()).isEqualTo(5);

      assertThat(rows(db, "deferred_queues"))
          .anySatisfy(
              r -> {
                assertThat(r).containsEntry("lane", "servicenow").containsEntry("tenant", "acme");
                assertThat(((Number) r.get("records")).longValue()).isEqualTo(2);
                assertThat(((Number) r.get("oldest_age_seconds")).longValue())
                    .isGreaterThanOrEqualTo(100);
                assertThat(r).containsEntry("oldest_reason", "ServiceNow of acme is failing");
              });
      assertThat(rows(db, "breaker_state"))
          .singleElement()
          .satisfies(
              r -> assertThat(r).containsEntry("state", "OPEN").containsEntry("tenant", "acme"));
      assertThat(rows(db, "tenant_rate"))
          .singleElement()
          .satisfies(r -> assertThat(r).containsEntry("throttled_now", true));
      @SuppressWarnings("unchecked")
      var audit =
          (Map<String, Object>)
              ((Map<String, Object>) db.get("last_audit_of_lost_records"))
                  .get("acme/sn_fcms_intg_imp_order_line/P0000174|2");
      assertThat(audit.get("mapper")).isEqualTo("no audit row");
      assertThat(audit.get("writer").toString()).contains("FAILED").contains("deferred");
    }
  }

  @Test
  void dumpsTheThreadsOfARunningProcess(@TempDir Path dir) throws Exception {
    Map<String, String> written =
        ThreadDumps.write(
            dir, "chaos-", Map.of("self", ProcessHandle.current().pid(), "gone", Long.MAX_VALUE));

    Path file = dir.resolve("chaos-self.threads.txt");
    assertThat(written).containsEntry("self", file.toString());
    assertThat(Files.readString(file)).contains("Full thread dump").contains("\"main\"");
    assertThat(written.get("gone")).startsWith("no thread dump");
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> rows(Map<String, Object> db, String part) {
    return (List<Map<String, Object>>) db.get(part);
  }

  /** The writer's and the fleet's tables from their own migrations, then the state to find. */
  private static void seedDatabase(String jdbcUrl) throws Exception {
    try (Connection c = DriverManager.getConnection(jdbcUrl);
        Statement s = c.createStatement()) {
      s.execute(resource("/db/common/V0_3__fleet_breaker_state.sql"));
      s.execute(resource("/db/common/V0_5__fleet_rate_limits.sql"));
      for (String schema : List.of("writer", "mapper")) {
        s.execute("create schema " + schema);
        s.execute("set search_path to " + schema);
        s.execute(resource("/db/common/V0_1__audit_trail.sql"));
      }
      s.execute("set search_path to writer");
      s.execute(
          Files.readString(
              Path.of(
                  "../writer-service/src/main/resources/db/writer-service/"
                      + "V5__deferred_records.sql")));
      s.execute(
          "insert into deferred_record (lane, tenant, order_key, topic, kafka_partition,"
              + " kafka_offset, envelope, reason, deferred_at) values"
              + " ('servicenow', 'acme', 'k1', 'sn.upsert', 0, 1, '\\x00',"
              + " 'ServiceNow of acme is failing', now() - interval '120 seconds'),"
              + " ('servicenow', 'acme', 'k2', 'sn.upsert', 0, 2, '\\x00', 'later', now()),"
              + " ('qad.invoice', 'globex', 'k3', 'qad.invoice.post', 0, 1, '\\x00', 'x', now())");
      s.execute(
          "insert into audit_trail (tenant, entity, external_id, stage, error) values"
              + " ('acme', 'PURCHASE_ORDER_LINE', 'P0000174|2', 'FAILED', 'deferred, replayed"
              + " in order once the target answers: 503')");
      s.execute(
          "insert into mlc_fleet.breaker_state (tenant, system, service, state, since,"
              + " open_until, updated_at) values ('acme', 'servicenow', 'writer-service', 'OPEN',"
              + " now(), now() + interval '30 seconds', now())");
      s.execute(
          "insert into mlc_fleet.tenant_rate (tenant, system, throttled_until) values"
              + " ('acme', 'servicenow', now() + interval '1 hour')");
    }
  }

  private static String resource(String name) throws Exception {
    try (InputStream in = FleetDiagnosticsTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}

package io.mlconnector.stack.chaos;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * What the fleet itself holds when a chaos run fails, so the report says where records stopped
 * instead of only that they are missing: lost records grouped per tenant and table, every {@code
 * mlc-*} consumer group's position and lag, the writer's deferred queues, the fleet's breaker and
 * rate-limit rows, and the last audit row the mapper and the writer have of some lost records.
 * Triage only, never part of the verdict; each part that cannot be read says why instead.
 */
final class FleetDiagnostics {
  /** Keys named per (tenant, table) and audit rows looked up per (tenant, table). */
  static final int NAMED = 50;

  static final int AUDITED = 10;

  private FleetDiagnostics() {}

  /**
   * Lost records ({@code tenant/table/external id}; for invoices the middle part is the supplier)
   * per tenant, then per table: a count and the first {@link #NAMED} keys.
   */
  static Map<String, Map<String, Map<String, Object>>> lostPerTenantAndTable(List<String> lost) {
    Map<String, Map<String, List<String>>> grouped = new TreeMap<>();
    for (String key : lost) {
      String[] parts = key.split("/", 3);
      String tenant = parts[0];
      String table = parts.length > 2 ? parts[1] : "?";
      grouped
          .computeIfAbsent(tenant, t -> new TreeMap<>())
          .computeIfAbsent(table, t -> new ArrayList<>())
          .add(parts.length > 2 ? parts[2] : key);
    }
    Map<String, Map<String, Map<String, Object>>> out = new TreeMap<>();
    grouped.forEach(
        (tenant, tables) ->
            tables.forEach(
                (table, ids) -> {
                  Map<String, Object> entry = new LinkedHashMap<>();
                  entry.put("count", ids.size());
                  entry.put("first_keys", List.copyOf(ids.subList(0, Math.min(NAMED, ids.size()))));
                  out.computeIfAbsent(tenant, t -> new TreeMap<>()).put(table, entry);
                }));
    return out;
  }

  /**
   * Every consumer group whose name starts with {@code mlc-}: per {@code topic-partition} the
   * committed offset, the log end and the lag between them.
   */
  static Map<String, Map<String, Map<String, Long>>> consumerGroups(Map<String, Object> kafkaAdmin)
      throws Exception {
    Map<String, Object> config = new HashMap<>(kafkaAdmin);
    config.put(
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) Duration.ofSeconds(30).toMillis());
    Map<String, Map<String, Map<String, Long>>> out = new TreeMap<>();
    try (Admin admin = Admin.create(config)) {
      List<String> groups =
          admin.listConsumerGroups().all().get().stream()
              .map(ConsumerGroupListing::groupId)
              .filter(g -> g.startsWith("mlc-"))
              .sorted()
              .toList();
      for (String group : groups) {
        Map<TopicPartition, OffsetAndMetadata> committed =
            admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        var ends = admin.listOffsets(latest).all().get();
        Map<String, Map<String, Long>> partitions = new TreeMap<>();
        committed.forEach(
            (tp, offset) -> {
              long end = ends.get(tp).offset();
              long at = offset == null ? -1 : offset.offset();
              Map<String, Long> p = new LinkedHashMap<>();
              p.put("committed", at);
              p.put("end", end);
              p.put("lag", at < 0 ? end : end - at);
              partitions.put(tp.topic() + "-" + tp.partition(), p);
            });
        out.put(group, partitions);
      }
    }
    return out;
  }

  /**
   * The fleet's own bookkeeping in PostgreSQL: {@code deferred_queues} (the writer's waiting
   * records per lane and tenant, with the oldest one's age), {@code breaker_state} and {@code
   * tenant_rate} (every row), and per (tenant, table) of lost records the last audit row the mapper
   * and the writer have for up to {@link #AUDITED} of them.
   */
  static Map<String, Object> database(String jdbcUrl, List<String> lost) throws SQLException {
    Map<String, Object> out = new LinkedHashMap<>();
    try (Connection c = DriverManager.getConnection(jdbcUrl)) {
      out.put(
          "deferred_queues",
          rows(
              c,
              "select lane, tenant, count(*) as records, min(deferred_at) as oldest,"
                  + " extract(epoch from now() - min(deferred_at))::bigint as oldest_age_seconds,"
                  + " (array_agg(reason order by id))[1] as oldest_reason"
                  + " from writer.deferred_record group by lane, tenant order by lane, tenant"));
      out.put(
          "breaker_state",
          rows(c, "select * from mlc_fleet.breaker_state order by tenant, system, service"));
      out.put(
          "tenant_rate",
          rows(
              c,
              "select *, throttled_until > now() as throttled_now from mlc_fleet.tenant_rate"
                  + " order by tenant, system"));
      out.put("last_audit_of_lost_records", lastAudit(c, lost));
    }
    return out;
  }

  private static Map<String, Object> lastAudit(Connection c, List<String> lost) {
    Map<String, Object> out = new LinkedHashMap<>();
    Map<String, Integer> perGroup = new HashMap<>();
    for (String key : lost) {
      String[] parts = key.split("/", 3);
      if (parts.length < 3
          || perGroup.merge(parts[0] + "/" + parts[1], 1, Integer::sum) > AUDITED) {
        continue;
      }
      Map<String, Object> stages = new LinkedHashMap<>();
      for (String schema : List.of("mapper", "writer")) {
        try {
          List<Map<String, Object>> last =
              rows(
                  c,
                  "select recorded_at, stage, error, kafka_topic, kafka_partition, kafka_offset"
                      + " from "
                      + schema
                      + ".audit_trail where tenant = ? and external_id = ?"
                      + " order by id desc limit 1",
                  parts[0],
                  parts[2]);
          stages.put(schema, last.isEmpty() ? "no audit row" : last.get(0));
        } catch (SQLException e) {
          stages.put(schema, "not readable: " + e.getMessage());
        }
      }
      out.put(key, stages);
    }
    return out;
  }

  private static List<Map<String, Object>> rows(Connection c, String sql, String... params)
      throws SQLException {
    List<Map<String, Object>> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setString(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        ResultSetMetaData meta = rs.getMetaData();
        while (rs.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int i = 1; i <= meta.getColumnCount(); i++) {
            Object v = rs.getObject(i);
            row.put(
                meta.getColumnLabel(i),
                v == null || v instanceof Number || v instanceof Boolean ? v : v.toString());
          }
          out.add(row);
        }
      }
    }
    return out;
  }
}

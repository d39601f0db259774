package io.mlconnector.writer.servicenow.service;

import io.mlconnector.snclient.ServiceNowClient;
import io.mlconnector.snclient.error.ServiceNowException;
import io.mlconnector.snclient.model.BatchReadResult;
import io.mlconnector.snclient.model.ServiceNowRecord;
import io.mlconnector.snclient.query.EncodedQuery;
import io.mlconnector.snclient.query.TableQuery;
import io.mlconnector.writer.config.WriterConfig;
import io.mlconnector.writer.servicenow.metrics.WriterMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds which staging rows already exist in ServiceNow: one query {@code <idField>IN<ids>} per
 * {@code servicenow-batch-size} rows of a table. With the Batch API all of them travel as GET
 * sub-requests of as few Batch calls as the client's time budget allows (usually one per poll);
 * without it each is one Table API read.
 */
@ApplicationScoped
public class StagingLookups {
  /** One lookup's rows, and what it found (sys_id by query-safe external id) or why it failed. */
  public record Found(
      List<PlannedRow> rows, Map<String, String> bySafeId, ServiceNowException error) {}

  private final WriterMetrics metrics;
  private final int idsPerQuery;
  private final boolean naive;

  public StagingLookups(WriterMetrics metrics, WriterConfig config) {
    this.metrics = metrics;
    this.naive = config.servicenow().naive();
    this.idsPerQuery = naive ? 1 : Math.max(1, config.servicenowBatchSize());
  }

  /** {@code rows} of any tables of one tenant; one {@link Found} per query, covering them all. */
  public List<Found> find(ServiceNowClient client, boolean batchApi, List<PlannedRow> rows) {
    Map<List<String>, List<PlannedRow>> byTable = new LinkedHashMap<>();
    rows.forEach(
        r ->
            byTable
                .computeIfAbsent(
                    List.of(r.command().table(), r.command().externalIdField()),
                    t -> new ArrayList<>())
                .add(r));
    List<List<PlannedRow>> chunks = new ArrayList<>();
    byTable.forEach(
        (table, tableRows) -> {
          for (int from = 0; from < tableRows.size(); from += idsPerQuery) {
            chunks.add(tableRows.subList(from, Math.min(tableRows.size(), from + idsPerQuery)));
          }
        });
    List<TableQuery> queries = chunks.stream().map(StagingLookups::query).toList();
    chunks.forEach(c -> metrics.lookup(client.tenant(), c.get(0).command().table()));
    // The naive baseline reads one row per Table API call, as a hand-built integration would.
    return batchApi && !naive
        ? viaBatch(client, chunks, queries)
        : oneByOne(client, chunks, queries);
  }

  private static List<Found> viaBatch(
      ServiceNowClient client, List<List<PlannedRow>> chunks, List<TableQuery> queries) {
    List<BatchReadResult> results = client.queryBatch(queries);
    List<Found> out = new ArrayList<>();
    for (int i = 0; i < chunks.size(); i++) {
      BatchReadResult r = results.get(i);
      out.add(
          r.succeeded()
              ? new Found(chunks.get(i), bySafeId(chunks.get(i), r.records()), null)
              : new Found(chunks.get(i), Map.of(), r.error()));
    }
    return out;
  }

  private static List<Found> oneByOne(
      ServiceNowClient client, List<List<PlannedRow>> chunks, List<TableQuery> queries) {
    List<Found> out = new ArrayList<>();
    ServiceNowException outage = null;
    for (int i = 0; i < chunks.size(); i++) {
      if (outage != null) {
        // The instance just failed: not asked again within this poll.
        out.add(new Found(chunks.get(i), Map.of(), outage));
        continue;
      }
      try {
        out.add(
            new Found(
                chunks.get(i), bySafeId(chunks.get(i), client.queryAll(queries.get(i))), null));
      } catch (ServiceNowException e) {
        out.add(new Found(chunks.get(i), Map.of(), e));
        outage = ParkReasons.isDataProblem(e) ? null : e;
      }
    }
    return out;
  }

  private static TableQuery query(List<PlannedRow> rows) {
    String idField = rows.get(0).command().externalIdField();
    EncodedQuery query =
        EncodedQuery.builder().in(idField, rows.stream().map(PlannedRow::safeId).toList()).build();
    return TableQuery.of(rows.get(0).command().table())
        .where(query)
        .fields("sys_id", idField)
        .pageSize(rows.size());
  }

  private static Map<String, String> bySafeId(
      List<PlannedRow> rows, List<ServiceNowRecord> records) {
    String idField = rows.get(0).command().externalIdField();
    Map<String, String> out = new HashMap<>();
    records.forEach(r -> out.putIfAbsent(r.get(idField), r.sysId()));
    return out;
  }
}

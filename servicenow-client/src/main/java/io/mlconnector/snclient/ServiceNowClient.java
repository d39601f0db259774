package io.mlconnector.snclient;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.snclient.error.ServiceNowRejectedException;
import io.mlconnector.snclient.error.ServiceNowResponseFormatException;
import io.mlconnector.snclient.http.InstancePaths;
import io.mlconnector.snclient.http.ResponseJson;
import io.mlconnector.snclient.http.ServiceNowTransport;
import io.mlconnector.snclient.http.ServiceNowTransport.Request;
import io.mlconnector.snclient.http.ServiceNowTransport.Response;
import io.mlconnector.snclient.model.BatchWrite;
import io.mlconnector.snclient.model.BatchWriteResult;
import io.mlconnector.snclient.model.ServiceNowRecord;
import io.mlconnector.snclient.model.TablePage;
import io.mlconnector.snclient.query.SysParm;
import io.mlconnector.snclient.query.TableQuery;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One tenant's ServiceNow: Table API reads (with paging) and writes, and the Batch API.
 * Thread-safe; get it from {@link ServiceNowClients}. Errors are {@link
 * io.mlconnector.snclient.error} exceptions; {@code retryable()} says whether to try again later.
 */
public final class ServiceNowClient {
  private final String tenant;
  private final InstancePaths paths;
  private final ServiceNowTransport transport;
  private final BatchApi batchApi;
  private final int maxPages;

  ServiceNowClient(
      String tenant,
      InstancePaths paths,
      ServiceNowTransport transport,
      int maxBatchResends,
      int maxPages) {
    this.tenant = tenant;
    this.maxPages = maxPages;
    this.paths = paths;
    this.transport = transport;
    this.batchApi = new BatchApi(paths, transport, maxBatchResends);
  }

  public String tenant() {
    return tenant;
  }

  /** The first page of a query. */
  public TablePage query(TableQuery q) {
    Map<String, String> params = new LinkedHashMap<>();
    if (q.query() != null && !q.query().text().isEmpty()) {
      params.put(SysParm.QUERY.parameterName(), q.query().text());
    }
    if (!q.fields().isEmpty()) {
      params.put(SysParm.FIELDS.parameterName(), String.join(",", q.fields()));
    }
    params.put(SysParm.LIMIT.parameterName(), Integer.toString(q.pageSize()));
    params.put(SysParm.EXCLUDE_REFERENCE_LINK.parameterName(), "true");
    return page(paths.table(q.table(), params), "table/" + q.table());
  }

  /** The page after {@code page}, following its {@code rel="next"} link. */
  public Optional<TablePage> next(TablePage page, String table) {
    return page.next().map(link -> page(link, "table/" + InstancePaths.checkTable(table)));
  }

  /**
   * Every matching record, page by page until no {@code rel="next"} link is left. Short or empty
   * pages do not stop the scan (row ACLs are applied after the page limit). More than {@code
   * mlc.servicenow.max-pages-per-query} pages is an error: a query that large (or a next link that
   * never ends) must be narrowed, not followed forever.
   */
  public List<ServiceNowRecord> queryAll(TableQuery q) {
    List<ServiceNowRecord> all = new ArrayList<>();
    TablePage page = query(q);
    all.addAll(page.records());
    int pages = 1;
    while (page.hasNext()) {
      if (++pages > maxPages) {
        throw new ServiceNowRejectedException(
            "query on "
                + q.table()
                + " of tenant "
                + tenant
                + " has more than "
                + maxPages
                + " pages (mlc.servicenow.max-pages-per-query); narrow the query or raise the"
                + " limit",
            0,
            null);
      }
      page = next(page, q.table()).orElseThrow();
      all.addAll(page.records());
    }
    return all;
  }

  /** Inserts one record; returns it as stored (with its sys_id). */
  public ServiceNowRecord insert(String table, Map<String, String> values) {
    Response r =
        transport.send(
            Request.of(
                "POST",
                paths.table(table, Map.of()),
                json(values),
                "table/" + InstancePaths.checkTable(table)));
    return result(r, "POST table/" + table);
  }

  /** Updates the given columns of one record (PATCH: other columns keep their values). */
  public ServiceNowRecord update(String table, String sysId, Map<String, String> values) {
    Response r =
        transport.send(
            Request.of(
                "PATCH",
                paths.record(table, sysId),
                json(values),
                "table/" + InstancePaths.checkTable(table)));
    return result(r, "PATCH table/" + table);
  }

  /**
   * Deletes one record (idempotent, so retried like a read). Only the console's opt-in write probe
   * uses it, to remove its own probe row; the connector's data flows never delete.
   */
  public void delete(String table, String sysId) {
    transport.send(
        Request.of(
            "DELETE",
            paths.record(table, sysId),
            null,
            "table/" + InstancePaths.checkTable(table)));
  }

  /**
   * Sends many writes in Batch API calls; items ServiceNow left unserviced are resent. Each item's
   * outcome comes back in the order given; failures of single items do not throw.
   */
  public List<BatchWriteResult> batch(List<BatchWrite> writes) {
    return batchApi.execute(writes);
  }

  private TablePage page(URI uri, String endpoint) {
    Response r = transport.send(Request.of("GET", uri, null, endpoint));
    JsonNode body = ResponseJson.read(r.body(), r.status(), "GET " + endpoint);
    JsonNode result = body.path("result");
    if (!result.isArray()) {
      throw new ServiceNowResponseFormatException(
          "GET " + endpoint + " answered without a result list", r.status(), null);
    }
    List<ServiceNowRecord> records = new ArrayList<>();
    result.forEach(row -> records.add(ResponseJson.record(row)));
    Optional<URI> next =
        PageLinks.next(r.headers().allValues("Link")).map(link -> paths.checkUnder(link));
    OptionalLong total =
        r.headers()
            .firstValue("X-Total-Count")
            .map(v -> OptionalLong.of(Long.parseLong(v.trim())))
            .orElse(OptionalLong.empty());
    return new TablePage(records, next, total);
  }

  private static ServiceNowRecord result(Response r, String what) {
    JsonNode result = ResponseJson.read(r.body(), r.status(), what).path("result");
    if (!result.isObject()) {
      throw new ServiceNowResponseFormatException(
          what + " answered without a result record", r.status(), null);
    }
    return ResponseJson.record(result);
  }

  static String json(Map<String, String> values) {
    try {
      return ResponseJson.JSON.writeValueAsString(values);
    } catch (com.fasterxml.jackson.core.JsonProcessingException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}

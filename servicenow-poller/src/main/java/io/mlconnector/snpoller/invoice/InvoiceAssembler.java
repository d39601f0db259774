package io.mlconnector.snpoller.invoice;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.common.event.EntityType;
import io.mlconnector.snclient.ServiceNowClient;
import io.mlconnector.snclient.model.ServiceNowRecord;
import io.mlconnector.snclient.query.EncodedQuery;
import io.mlconnector.snclient.query.TableQuery;
import io.mlconnector.snpoller.config.ServiceNowPollerConfig;
import io.mlconnector.snpoller.poll.ChangedRecord;
import io.mlconnector.snpoller.poll.RecordContent;
import io.mlconnector.snpoller.read.GlideTime;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds supplier invoice records, {@code {"header": <row>, "lines": [<rows by line number>]}} (the
 * contract with mapper-service's InvoiceMapper), reading the lines of a whole page of invoices in
 * one query ({@code invoiceIN<sys_id,...>}; sys_ids are 32-hex, so safe in an IN list).
 */
@ApplicationScoped
public class InvoiceAssembler {
  private final ServiceNowPollerConfig.Tables tables;
  private final int inListSize;
  private final RecordContent content;

  public InvoiceAssembler(ServiceNowPollerConfig config, RecordContent content) {
    this.tables = config.servicenow().tables();
    this.inListSize = config.servicenow().inListSize();
    this.content = content;
  }

  /** One record per header, with its lines as they are now. */
  public List<ChangedRecord> assemble(ServiceNowClient client, List<ServiceNowRecord> headers) {
    Map<String, List<ServiceNowRecord>> linesByInvoice =
        linesOf(client, headers.stream().map(h -> h.get(tables.idColumn())).toList());
    List<ChangedRecord> out = new ArrayList<>(headers.size());
    for (ServiceNowRecord h : headers) {
      String sysId = h.get(tables.idColumn());
      ObjectNode header = content.json(h);
      List<ObjectNode> lines =
          linesByInvoice.getOrDefault(sysId, List.of()).stream()
              .sorted(byLineNumber())
              .map(content::json)
              .toList();
      ObjectNode payload = JsonNodeFactory.instance.objectNode();
      payload.set("header", header);
      payload.putArray("lines").addAll(lines);
      String updatedOn = h.get(tables.updatedColumn());
      out.add(
          new ChangedRecord(
              EntityType.SUPPLIER_INVOICE,
              sysId,
              updatedOn,
              lastSaved(updatedOn, linesByInvoice.getOrDefault(sysId, List.of())),
              payload,
              content.invoiceHash(header, lines)));
    }
    return out;
  }

  /**
   * When the invoice was last saved: its newest row, header or line. A line changed after its
   * header makes the invoice newer than the header says, and its published version must be kept as
   * long as the line read can meet it again (pruning goes by this time).
   */
  private Instant lastSaved(String headerUpdatedOn, List<ServiceNowRecord> lines) {
    Instant newest = GlideTime.parse(headerUpdatedOn);
    for (ServiceNowRecord line : lines) {
      String updatedOn = line.get(tables.updatedColumn());
      Instant saved = updatedOn == null || updatedOn.isBlank() ? null : GlideTime.parse(updatedOn);
      if (saved != null && saved.isAfter(newest)) {
        newest = saved;
      }
    }
    return newest;
  }

  /** The current headers of these invoices (missing or hidden ones are left out). */
  public List<ServiceNowRecord> headers(ServiceNowClient client, Collection<String> sysIds) {
    return inChunks(client, tables.invoice(), tables.idColumn(), List.copyOf(sysIds));
  }

  private Map<String, List<ServiceNowRecord>> linesOf(
      ServiceNowClient client, List<String> invoiceIds) {
    Map<String, List<ServiceNowRecord>> out = new HashMap<>();
    for (ServiceNowRecord line :
        inChunks(client, tables.invoiceLine(), tables.invoiceLineHeader(), invoiceIds)) {
      out.computeIfAbsent(line.get(tables.invoiceLineHeader()), k -> new ArrayList<>()).add(line);
    }
    return out;
  }

  private List<ServiceNowRecord> inChunks(
      ServiceNowClient client, String table, String column, List<String> ids) {
    List<ServiceNowRecord> out = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += inListSize) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + inListSize));
      // Ordered by a column no update moves, so following rel="next" cannot skip rows.
      // Both columns hold sys_ids read from ServiceNow: checked before they go back into a query.
      EncodedQuery.Builder q = EncodedQuery.builder().inSysIds(column, chunk).orderBy(column);
      if (!column.equals(tables.idColumn())) {
        q.orderBy(tables.idColumn());
      }
      out.addAll(client.queryAll(TableQuery.of(table).where(q.build())));
    }
    return out;
  }

  private Comparator<ServiceNowRecord> byLineNumber() {
    return Comparator.comparing(
            (ServiceNowRecord r) -> numberOrMax(r.get(tables.invoiceLineNumber())))
        .thenComparing(r -> String.valueOf(r.get(tables.invoiceLineNumber())))
        .thenComparing(r -> r.get(tables.idColumn()));
  }

  private static long numberOrMax(String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (RuntimeException notANumber) {
      return Long.MAX_VALUE;
    }
  }
}

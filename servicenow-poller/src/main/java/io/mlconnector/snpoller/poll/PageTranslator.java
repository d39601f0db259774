package io.mlconnector.snpoller.poll;

import io.mlconnector.snclient.ServiceNowClient;
import io.mlconnector.snclient.model.ServiceNowRecord;
import io.mlconnector.snpoller.config.ServiceNowPollerConfig;
import io.mlconnector.snpoller.invoice.InvoiceAssembler;
import io.mlconnector.snpoller.read.GlideTime;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a page of changed rows of one table into the records to publish: dimension rows as they
 * are, invoice headers with their lines, and changed invoice lines into their whole invoices.
 */
@ApplicationScoped
public class PageTranslator {
  private static final Pattern SYS_ID = Pattern.compile("[0-9a-f]{32}");

  private final InvoiceAssembler invoices;
  private final RecordContent content;
  private final ServiceNowPollerConfig.Tables tables;

  public PageTranslator(
      InvoiceAssembler invoices, RecordContent content, ServiceNowPollerConfig config) {
    this.invoices = invoices;
    this.content = content;
    this.tables = config.servicenow().tables();
  }

  public List<ChangedRecord> records(
      ServiceNowClient client, SourceTable table, List<ServiceNowRecord> rows) {
    return switch (table) {
      case INVOICE -> invoices.assemble(client, rows);
      case INVOICE_LINE -> invoices.assemble(client, invoices.headers(client, invoiceIds(rows)));
      case COST_CENTER, GL_ACCOUNT -> rows.stream().map(r -> asIs(table, r)).toList();
    };
  }

  private Set<String> invoiceIds(List<ServiceNowRecord> lines) {
    Set<String> ids = new LinkedHashSet<>();
    for (ServiceNowRecord line : lines) {
      String invoice = line.get(tables.invoiceLineHeader());
      // A sys_id is 32 hex digits; anything else could not be a header and must not reach a query.
      if (invoice != null && SYS_ID.matcher(invoice).matches()) {
        ids.add(invoice);
      }
    }
    return ids;
  }

  private ChangedRecord asIs(SourceTable table, ServiceNowRecord row) {
    var json = content.json(row);
    String updatedOn = row.get(tables.updatedColumn());
    return new ChangedRecord(
        table.publishedAs(),
        row.get(tables.idColumn()),
        updatedOn,
        GlideTime.parse(updatedOn),
        json,
        content.rowHash(json));
  }
}

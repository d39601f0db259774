package io.mlconnector.sandbox.servicenow.clerk;

import io.mlconnector.sandbox.servicenow.table.TableStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What an AP clerk does in the instance that the connector must react to: approving an invoice
 * (which, on a real instance, makes the integration framework write it to the outbound tables with
 * Integration status New) and keeping cost centers and GL accounts.
 */
public final class AccountsPayableClerk {
  public static final String OUTBOUND_INVOICE = "sn_spend_intg_outbound_invoice";
  public static final String OUTBOUND_INVOICE_LINE = "sn_spend_intg_outbound_invoice_line";
  public static final String STATUS_NEW = "New";
  public static final String STATUS_PROCESSED = "Processed";
  public static final String STATUS_ERROR = "Error";
  private static final String CLERK = "ap.clerk";

  private final TableStore store;

  public AccountsPayableClerk(TableStore store) {
    this.store = store;
  }

  /** Creates and approves the invoice; returns the outbound invoice header's sys_id. */
  public String approveInvoice(SupplierInvoice invoice) {
    Map<String, String> header = new LinkedHashMap<>();
    header.put("integration_status", STATUS_NEW);
    header.put("supplier_code", invoice.supplierCode());
    header.put("supplier_name", invoice.supplierName());
    header.put("invoice_number", invoice.invoiceNumber());
    header.put("invoice_reference", invoice.invoiceReference());
    header.put("invoice_date", String.valueOf(invoice.invoiceDate()));
    header.put("due_date", invoice.dueDate() == null ? "" : invoice.dueDate().toString());
    header.put("currency", invoice.currency());
    header.put("legal_entity", invoice.legalEntity());
    header.put("tax_amount", invoice.taxAmount().toPlainString());
    header.put("total_amount", invoice.total().toPlainString());
    String invoiceId = store.insert(OUTBOUND_INVOICE, header, CLERK).get("sys_id");
    int lineNumber = 1;
    for (InvoiceLine line : invoice.lines()) {
      Map<String, String> row = new LinkedHashMap<>();
      row.put("invoice", invoiceId);
      row.put("line_number", String.valueOf(lineNumber++));
      row.put("po_number", line.poNumber());
      row.put("po_line", String.valueOf(line.poLine()));
      row.put("description", line.description());
      row.put("quantity", line.quantity().toPlainString());
      row.put("unit_price", line.unitPrice().toPlainString());
      row.put("amount", line.amount().toPlainString());
      row.put("cost_center", nullToEmpty(line.costCenter()));
      row.put("gl_account", nullToEmpty(line.glAccount()));
      row.put("sub_account", nullToEmpty(line.subAccount()));
      row.put("project", nullToEmpty(line.project()));
      store.insert(OUTBOUND_INVOICE_LINE, row, CLERK);
    }
    return invoiceId;
  }

  /** Adds the cost centers whose code is not there yet; returns the sys_ids of new rows. */
  public List<String> seedCostCenters(List<String> codes) {
    return seed(
        "cmn_cost_center",
        "code",
        codes,
        code ->
            Map.of(
                "code",
                code,
                "name",
                "Cost center " + code,
                "account_number",
                code,
                "active",
                "true"));
  }

  /** Adds the GL accounts whose number is not there yet; returns the sys_ids of new rows. */
  public List<String> seedGlAccounts(List<String> accountNumbers) {
    return seed(
        "sn_fin_gl_account",
        "account_number",
        accountNumbers,
        number ->
            Map.of(
                "account_number",
                number,
                "name",
                "GL account " + number,
                "account_type",
                "expense",
                "active",
                "true"));
  }

  private List<String> seed(
      String table,
      String keyColumn,
      List<String> keys,
      Function<String, Map<String, String>> rowFor) {
    Set<String> existing =
        store.snapshot(table).stream().map(r -> r.get(keyColumn)).collect(Collectors.toSet());
    List<String> created = new ArrayList<>();
    for (String key : keys) {
      if (existing.add(key)) {
        created.add(store.insert(table, rowFor.apply(key), CLERK).get("sys_id"));
      }
    }
    return created;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}

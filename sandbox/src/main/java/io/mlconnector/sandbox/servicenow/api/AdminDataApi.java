package io.mlconnector.sandbox.servicenow.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.sandbox.http.SimResponse;
import io.mlconnector.sandbox.servicenow.ServiceNowInstance;
import io.mlconnector.sandbox.servicenow.clerk.InvoiceLine;
import io.mlconnector.sandbox.servicenow.clerk.SupplierInvoice;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Admin endpoints on data: the AP clerk's actions (approve an invoice, seed master data) and direct
 * row access that bypasses ACLs, counters and faults, for arranging and checking tests.
 */
final class AdminDataApi {
  private final ServiceNowInstance instance;

  AdminDataApi(ServiceNowInstance instance) {
    this.instance = instance;
  }

  SimResponse handle(String method, String rest, JsonNode body) {
    String[] parts = rest.split("/");
    if (method.equals("POST") && rest.equals("invoices")) {
      String sysId = instance.apClerk().approveInvoice(invoice(body));
      return Json.response(201, Map.of("sys_id", sysId));
    }
    if (method.equals("POST") && rest.equals("master-data/cost-centers")) {
      return Json.response(200, Map.of("created", instance.apClerk().seedCostCenters(codes(body))));
    }
    if (method.equals("POST") && rest.equals("master-data/gl-accounts")) {
      return Json.response(200, Map.of("created", instance.apClerk().seedGlAccounts(codes(body))));
    }
    if (parts[0].equals("tables") && parts.length >= 2) {
      return tables(method, parts, body);
    }
    return ApiErrors.error(404, "No such admin endpoint", method + " " + rest);
  }

  private SimResponse tables(String method, String[] parts, JsonNode body) {
    String table = parts[1];
    if (instance.catalog().table(table) == null) {
      return ApiErrors.invalidTable(table);
    }
    if (parts.length == 2 && method.equals("GET")) {
      return Json.response(200, Map.of("result", instance.list(table)));
    }
    if (parts.length == 2 && method.equals("POST")) {
      return Json.response(201, Map.of("result", instance.insert(table, Json.recordValues(body))));
    }
    if (parts.length == 3 && parts[2].equals("touch") && method.equals("POST")) {
      List<String> touched = instance.rows().touch(table, body.path("rows").asInt(1), "admin");
      return Json.response(200, Map.of("touched", touched));
    }
    if (parts.length == 3 && method.equals("PATCH")) {
      Map<String, String> row =
          instance.rows().update(table, parts[2], Json.recordValues(body), "admin");
      return row == null ? ApiErrors.noRecord() : Json.response(200, Map.of("result", row));
    }
    return ApiErrors.error(404, "No such admin endpoint", method + " tables/" + table);
  }

  private SupplierInvoice invoice(JsonNode b) {
    List<InvoiceLine> lines = new ArrayList<>();
    for (JsonNode l : b.path("lines")) {
      lines.add(
          new InvoiceLine(
              l.path("po_number").asText(),
              l.path("po_line").asInt(),
              l.path("description").asText(""),
              new BigDecimal(l.path("quantity").asText("1")),
              new BigDecimal(l.path("unit_price").asText("0")),
              l.path("cost_center").asText(""),
              l.path("gl_account").asText(""),
              l.path("sub_account").asText(""),
              l.path("project").asText("")));
    }
    return new SupplierInvoice(
        b.path("supplier_code").asText(),
        b.path("supplier_name").asText(""),
        b.path("invoice_number").asText(),
        b.path("invoice_reference").asText(b.path("invoice_number").asText()),
        LocalDate.parse(b.path("invoice_date").asText(LocalDate.now(instance.clock()).toString())),
        b.hasNonNull("due_date") ? LocalDate.parse(b.path("due_date").asText()) : null,
        b.path("currency").asText("USD"),
        b.path("legal_entity").asText(""),
        new BigDecimal(b.path("tax_amount").asText("0")),
        lines);
  }

  private static List<String> codes(JsonNode body) {
    return List.of(AdminApi.strings(body.path("codes")));
  }
}

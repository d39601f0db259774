package io.mlconnector.sandbox.qad;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.sandbox.http.SimRequest;
import io.mlconnector.sandbox.http.SimResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code {tenantUrl}/api/erp/supplierInvoices}: create one invoice per POST (answer in a {@code
 * submitResult} envelope), list by supplier and/or reference, read one by voucher.
 */
final class SupplierInvoiceEndpoint {
  private SupplierInvoiceEndpoint() {}

  static SimResponse create(QadTenant tenant, SimRequest request) {
    SupplierInvoiceRequest invoice;
    try {
      JsonNode root = QadJson.MAPPER.readTree(request.body());
      JsonNode node = root.has("supplierInvoices") ? root.get("supplierInvoices") : root;
      if (node.isArray()) {
        if (node.size() != 1) {
          return rejected("supplierInvoices", "Send exactly one invoice per request", node.size());
        }
        node = node.get(0);
      }
      invoice = QadJson.MAPPER.treeToValue(node, SupplierInvoiceRequest.class);
    } catch (java.io.IOException | IllegalArgumentException e) {
      return rejected(null, "Body is not a valid supplier invoice: " + e.getMessage(), null);
    }
    SupplierInvoiceDesk.Outcome outcome = tenant.invoiceDesk().submit(invoice);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("submitResult", submitResult(outcome.errors(), outcome.warnings()));
    body.put("supplierInvoices", outcome.invoice().map(List::of).orElse(List.of()));
    return QadJson.response(outcome.success() ? 200 : 400, body);
  }

  static SimResponse list(QadTenant tenant, SimRequest request) {
    List<SupplierInvoice> found =
        tenant.invoices().find(request.query("supplier"), request.query("reference"));
    return QadJson.ok(Map.of("supplierInvoices", found));
  }

  static SimResponse byVoucher(QadTenant tenant, SimRequest request) {
    String voucher = request.pathParam("voucher");
    return tenant
        .invoices()
        .byVoucher(voucher)
        .map(inv -> QadJson.ok(Map.of("supplierInvoices", List.of(inv))))
        .orElseGet(
            () -> QadJson.error(404, "UNKNOWN_VOUCHER", "No such voucher", "voucher", voucher));
  }

  private static SimResponse rejected(String field, String message, Object value) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(
        "submitResult",
        submitResult(List.of(new SubmitMessage(field, message, value, "INVALID_BODY")), List.of()));
    body.put("supplierInvoices", List.of());
    return QadJson.response(400, body);
  }

  private static Map<String, Object> submitResult(
      List<SubmitMessage> errors, List<SubmitMessage> warnings) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("success", errors.isEmpty());
    result.put("errors", errors);
    result.put("warnings", warnings);
    return result;
  }
}

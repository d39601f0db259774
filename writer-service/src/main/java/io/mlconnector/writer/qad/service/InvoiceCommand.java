package io.mlconnector.writer.qad.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.writer.qad.ledger.InvoiceLines.InvoiceLine;
import io.mlconnector.writer.qad.ledger.PoLine;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code qad.invoice.post} command: post {@code supplierInvoice} (QAD's body shape) or mark the
 * ServiceNow invoice as rejected with the mapper's reason.
 */
public record InvoiceCommand(
    boolean post,
    String sysId,
    String invoiceNumber,
    JsonNode supplierInvoice,
    String reason,
    List<InvoiceLine> lines) {

  /** The command cannot be understood; nothing can be written anywhere. */
  public static final class InvalidCommandException extends Exception {
    InvalidCommandException(String message) {
      super(message);
    }
  }

  public static InvoiceCommand from(JsonNode payload) throws InvalidCommandException {
    String action = payload.path("action").asText("");
    String sysId = payload.path("servicenowSysId").asText("");
    if (sysId.isBlank()) {
      throw new InvalidCommandException("command has no servicenowSysId");
    }
    String number = payload.path("invoiceNumber").asText("");
    if ("reject".equals(action)) {
      String reason = payload.path("reason").asText("rejected by the mapping");
      return new InvoiceCommand(false, sysId, number, null, reason, List.of());
    }
    if (!"post".equals(action)) {
      throw new InvalidCommandException("unknown action '" + action + "'");
    }
    JsonNode invoice = payload.path("supplierInvoice");
    if (!invoice.isObject()
        || invoice.path("supplier").asText("").isBlank()
        || invoice.path("invoiceReference").asText("").isBlank()) {
      throw new InvalidCommandException("post command without supplier and invoice reference");
    }
    return new InvoiceCommand(true, sysId, number, invoice, null, lines(invoice.path("lines")));
  }

  private static List<InvoiceLine> lines(JsonNode lines) throws InvalidCommandException {
    if (!lines.isArray() || lines.isEmpty()) {
      throw new InvalidCommandException("post command without lines");
    }
    List<InvoiceLine> out = new ArrayList<>();
    int no = 0;
    for (JsonNode l : lines) {
      no++;
      String po = l.path("poNumber").asText("");
      if (po.isBlank() || !l.path("poLine").canConvertToInt() || !l.path("quantity").isNumber()) {
        throw new InvalidCommandException("line " + no + " lacks PO number, PO line or quantity");
      }
      out.add(
          new InvoiceLine(
              no, new PoLine(po, l.path("poLine").asInt()), l.path("quantity").decimalValue()));
    }
    return out;
  }

  public String supplier() {
    return supplierInvoice == null ? null : supplierInvoice.path("supplier").asText();
  }

  public String invoiceReference() {
    return supplierInvoice == null ? null : supplierInvoice.path("invoiceReference").asText();
  }

  /** Quantity needed per PO line (an invoice may bill one PO line on several lines). */
  public Map<PoLine, BigDecimal> neededByPoLine() {
    Map<PoLine, BigDecimal> needed = new LinkedHashMap<>();
    lines.forEach(l -> needed.merge(l.poLine(), l.quantity(), BigDecimal::add));
    return needed;
  }
}

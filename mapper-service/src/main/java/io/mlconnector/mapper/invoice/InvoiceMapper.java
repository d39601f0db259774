package io.mlconnector.mapper.invoice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.mapper.dimension.Dimension;
import io.mlconnector.mapper.dimension.DimensionStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;

/**
 * An approved ServiceNow outbound invoice (header + lines) → a QAD supplier invoice with PO links
 * and aligned dimensions, or the reason it cannot be posted. Only rows in Integration status {@code
 * New} are mapped; Processed and Error rows are the connector's own write-backs.
 */
@ApplicationScoped
public class InvoiceMapper {
  public static final String STATUS_NEW = "New";

  /** A post command, a reason to reject, or nothing to do. */
  public sealed interface Outcome {
    record Post(ObjectNode supplierInvoice) implements Outcome {}

    /** Cannot be posted; {@code missing} when the cause is a QAD code the catalog lacks. */
    record Reject(String reason, MissingCode missing) implements Outcome {
      Reject(String reason) {
        this(reason, null);
      }
    }

    record Ignore(String why) implements Outcome {}
  }

  private final DimensionStore dimensions;

  public InvoiceMapper(DimensionStore dimensions) {
    this.dimensions = dimensions;
  }

  public Outcome map(String tenant, JsonNode payload) {
    JsonNode header = payload.path("header");
    JsonNode lines = payload.path("lines");
    String status = header.path("integration_status").asText("");
    if (!STATUS_NEW.equals(status)) {
      return new Outcome.Ignore("integration status is '" + status + "', not New");
    }
    for (String field : new String[] {"supplier_code", "invoice_date", "currency"}) {
      if (header.path(field).asText("").isBlank()) {
        return new Outcome.Reject("the invoice has no " + field + "; complete it in ServiceNow");
      }
    }
    if (!lines.isArray() || lines.isEmpty()) {
      return new Outcome.Reject("the invoice has no lines; add PO-matched lines in ServiceNow");
    }
    ObjectNode invoice = JsonNodeFactory.instance.objectNode();
    invoice.put("supplier", header.get("supplier_code").asText().trim());
    invoice.put("invoiceReference", reference(header));
    invoice.put("invoiceDate", header.get("invoice_date").asText().substring(0, 10));
    invoice.put("currency", header.get("currency").asText().trim());
    ArrayNode out = invoice.putArray("lines");
    DimensionAligner aligner = new DimensionAligner(dimensions, tenant);
    for (JsonNode line : lines) {
      Outcome.Reject problem = addLine(out, line, aligner);
      if (problem != null) {
        return problem;
      }
    }
    return new Outcome.Post(invoice);
  }

  private static String reference(JsonNode header) {
    String reference = header.path("invoice_reference").asText("").trim();
    return reference.isEmpty() ? header.path("invoice_number").asText("").trim() : reference;
  }

  /** Adds one line; returns why if it cannot be posted. */
  private static Outcome.Reject addLine(ArrayNode out, JsonNode line, DimensionAligner aligner) {
    int number = line.path("line_number").asInt(out.size() + 1);
    String po = line.path("po_number").asText("").trim();
    if (po.isEmpty()) {
      return new Outcome.Reject(
          "line " + number + " has no PO number; QAD matches invoices to purchase orders");
    }
    ObjectNode target = out.addObject();
    target.put("poNumber", po);
    try {
      target.put("poLine", Integer.parseInt(line.path("po_line").asText("").trim()));
      target.put("quantity", positive(line, "quantity"));
      target.put("unitPrice", positive(line, "unit_price"));
    } catch (NumberFormatException e) {
      return new Outcome.Reject("line " + number + ": " + e.getMessage());
    }
    for (Dimension d : Dimension.values()) {
      var alignment = aligner.resolve(number, d, line.path(d.invoiceLineField()).asText(""));
      if (alignment instanceof DimensionAligner.Alignment.Rejected rejected) {
        return new Outcome.Reject(rejected.reason(), rejected.missing());
      }
      String qadCode = ((DimensionAligner.Alignment.Resolved) alignment).qadCode();
      target.put(camel(d), qadCode);
    }
    return null;
  }

  private static BigDecimal positive(JsonNode line, String field) {
    String raw = line.path(field).asText("").trim();
    BigDecimal value;
    try {
      value = new BigDecimal(raw);
    } catch (NumberFormatException e) {
      throw new NumberFormatException(field + " '" + raw + "' is not a number");
    }
    if (value.signum() <= 0) {
      throw new NumberFormatException(field + " " + raw + " must be positive");
    }
    return value;
  }

  private static String camel(Dimension d) {
    return switch (d) {
      case COST_CENTER -> "costCenter";
      case GL_ACCOUNT -> "glAccount";
      case SUB_ACCOUNT -> "subAccount";
      case PROJECT -> "project";
    };
  }
}

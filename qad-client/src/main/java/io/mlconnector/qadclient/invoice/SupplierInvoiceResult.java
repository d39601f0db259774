package io.mlconnector.qadclient.invoice;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.qadclient.FieldError;
import java.util.List;

/**
 * A supplier invoice QAD saved, as QAD returned it, with the warnings of its submission (e.g.
 * {@code DUPLICATE_INVOICE_REFERENCE}, {@code NO_RECEIPT}).
 */
public record SupplierInvoiceResult(JsonNode invoice, List<FieldError> warnings) {

  public SupplierInvoiceResult {
    warnings = List.copyOf(warnings);
  }

  public String voucher() {
    return invoice.path("voucher").asText(null);
  }

  /** QAD's status: {@code Matched}, {@code Initial} or {@code Variance}. */
  public String status() {
    return invoice.path("status").asText(null);
  }
}

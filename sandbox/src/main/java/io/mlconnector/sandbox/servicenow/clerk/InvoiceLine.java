package io.mlconnector.sandbox.servicenow.clerk;

import java.math.BigDecimal;

/** One line of a supplier invoice as the AP clerk codes it: PO reference and accounting. */
public record InvoiceLine(
    String poNumber,
    int poLine,
    String description,
    BigDecimal quantity,
    BigDecimal unitPrice,
    String costCenter,
    String glAccount,
    String subAccount,
    String project) {

  public BigDecimal amount() {
    return quantity.multiply(unitPrice);
  }
}

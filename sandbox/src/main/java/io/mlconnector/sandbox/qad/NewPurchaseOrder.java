package io.mlconnector.sandbox.qad;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A PO a buyer enters. {@code number} may be null (the simulator assigns {@code Q0000001}…);
 * currency comes from the supplier.
 */
public record NewPurchaseOrder(
    String number, String supplier, String site, String buyer, String project, List<Line> lines) {

  /** One ordered item, charged to the given account, sub-account, cost center and project. */
  public record Line(
      String part,
      String description,
      BigDecimal quantity,
      BigDecimal unitCost,
      String unitOfMeasure,
      String glAccount,
      String subAccount,
      String costCenter,
      String project,
      LocalDate dueDate) {}

  public NewPurchaseOrder {
    lines = lines == null ? List.of() : List.copyOf(lines);
  }
}

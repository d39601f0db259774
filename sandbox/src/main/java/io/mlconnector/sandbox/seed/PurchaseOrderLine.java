package io.mlconnector.sandbox.seed;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One PO line ({@code pod_det}); {@code quantityReceived} is the sum of its receipts. */
public record PurchaseOrderLine(
    String poNumber,
    int line,
    String part,
    String description,
    BigDecimal quantityOrdered,
    BigDecimal quantityReceived,
    BigDecimal unitCost,
    String unitOfMeasure,
    String site,
    String glAccount,
    String subAccount,
    String costCenter,
    String project,
    String status,
    LocalDate dueDate,
    Instant modified) {}

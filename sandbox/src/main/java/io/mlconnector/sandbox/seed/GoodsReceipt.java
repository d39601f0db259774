package io.mlconnector.sandbox.seed;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One received PO line ({@code prh_hist}); a receiver number groups the lines of one delivery. */
public record GoodsReceipt(
    String receiver,
    String poNumber,
    int line,
    String part,
    BigDecimal quantity,
    LocalDate receiptDate,
    BigDecimal unitCost,
    String supplier,
    String site,
    String unitOfMeasure,
    String currency,
    Instant modified) {}

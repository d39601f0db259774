package io.mlconnector.sandbox.qad;

import java.math.BigDecimal;

/**
 * One stored invoice line with its match result. {@code priceVariance} is (invoice price − PO cost)
 * × quantity; {@code quantityVariance} is quantity minus what was received and not yet vouchered
 * when the invoice arrived (positive = over-invoiced).
 */
public record SupplierInvoiceLine(
    int lineNumber,
    String poNumber,
    int poLine,
    BigDecimal quantity,
    BigDecimal unitPrice,
    BigDecimal amount,
    String glAccount,
    String costCenter,
    String subAccount,
    String project,
    LineMatchStatus matchStatus,
    BigDecimal receivedQuantity,
    BigDecimal previouslyVoucheredQuantity,
    BigDecimal priceVariance,
    BigDecimal quantityVariance) {}

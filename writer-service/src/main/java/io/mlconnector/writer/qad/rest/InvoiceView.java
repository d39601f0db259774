package io.mlconnector.writer.qad.rest;

import io.mlconnector.writer.qad.ledger.InvoiceRecord;
import java.time.Instant;

/**
 * An invoice as the operator sees it.
 *
 * @param reason why it failed or was rejected (the message ServiceNow shows the clerk)
 * @param waitingOn the PO lines short of received quantity, while AWAITING_RECEIPT
 * @param clearedFirstTime whether QAD's three-way match cleared on posting (status Matched)
 * @param writeBack NONE, PENDING (ServiceNow not told yet) or DONE
 */
public record InvoiceView(
    String sysId,
    String invoiceNumber,
    String status,
    String reason,
    String waitingOn,
    Instant since,
    Instant lastCheck,
    String voucher,
    String qadStatus,
    Boolean clearedFirstTime,
    Instant postedAt,
    String writeBack,
    String writeBackError) {

  static InvoiceView of(InvoiceRecord r) {
    return new InvoiceView(
        r.sysId(),
        r.invoiceNumber(),
        r.status().name(),
        r.reason(),
        r.waitingOn(),
        r.since(),
        r.lastCheck(),
        r.voucher(),
        r.qadStatus(),
        r.clearedFirstTime(),
        r.postedAt(),
        r.writeBack().name(),
        r.writeBackError());
  }
}

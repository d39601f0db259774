package io.mlconnector.writer.qad.ledger;

import io.mlconnector.common.audit.AuditEntry.KafkaCoordinates;
import java.time.Instant;

/** A row of {@code qad_invoice}. */
public record InvoiceRecord(
    String tenant,
    String sysId,
    String invoiceNumber,
    String commandHash,
    byte[] envelope,
    KafkaCoordinates where,
    InvoiceStatus status,
    String reason,
    String waitingOn,
    Instant since,
    Instant lastCheck,
    String voucher,
    String qadStatus,
    Boolean clearedFirstTime,
    Instant postedAt,
    WriteBack writeBack,
    String writeBackError,
    int writeBackAttempts,
    String sourceVersion) {

  /** Whether ServiceNow has been told the outcome. */
  public enum WriteBack {
    NONE,
    PENDING,
    DONE,
    /** ServiceNow kept refusing it (deleted row, missing role): an operator must look. */
    PARKED
  }
}

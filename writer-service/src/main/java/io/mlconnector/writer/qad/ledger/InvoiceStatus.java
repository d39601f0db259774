package io.mlconnector.writer.qad.ledger;

/** Where a ServiceNow invoice stands on its way into QAD. */
public enum InvoiceStatus {
  /** Command read and stored; not yet through the gate. */
  RECEIVED,
  /** Some PO line lacks received quantity; released when the receipt arrives. */
  AWAITING_RECEIPT,
  /**
   * The QAD call is (or was, before a crash) under way; whoever finds this looks QAD up by supplier
   * and invoice reference before posting again.
   */
  POSTING,
  POSTED,
  /** QAD refused the invoice (field errors). */
  FAILED,
  /** The mapper could not map it (reject command). */
  REJECTED,
  /**
   * QAD answered in a way that is neither a refusal nor transient (e.g. a 400 on a read): parked
   * with the reason until an operator replays it; nothing written back.
   */
  PARKED;

  /** Nothing more is done with the invoice in QAD (a new version of the command may reopen it). */
  public boolean settled() {
    return this == POSTED || this == FAILED || this == REJECTED || this == PARKED;
  }

  /** Settled without an invoice in QAD: a resubmission (newer version, replay) is a new attempt. */
  public boolean reopenable() {
    return this == FAILED || this == REJECTED || this == PARKED;
  }
}

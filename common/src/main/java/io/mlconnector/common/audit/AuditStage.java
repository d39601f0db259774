package io.mlconnector.common.audit;

/** The stages a record passes; every stage leaves one audit row. */
public enum AuditStage {
  POLLED,
  RECEIVED,
  MAPPED,
  WRITTEN,
  SKIPPED_UNCHANGED,
  AWAITING_RECEIPT,
  PARKED,
  FAILED,
  /** An operator sent a parked record back to its stage (console); the row names the operator. */
  REPLAYED
}

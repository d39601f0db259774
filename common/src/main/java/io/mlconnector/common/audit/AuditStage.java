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
  FAILED
}

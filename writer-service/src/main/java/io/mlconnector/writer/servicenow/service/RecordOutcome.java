package io.mlconnector.writer.servicenow.service;

import io.mlconnector.common.audit.AuditStage;

/**
 * What happened to one record: WRITTEN (with the staging row's sys_id), SKIPPED_UNCHANGED, PARKED
 * (with a reason a person can act on) or FAILED (transient; the record will be retried).
 */
public record RecordOutcome(
    IncomingUpsert record,
    StagingRowCommand command,
    AuditStage stage,
    String contentHash,
    String sysId,
    String reason) {

  public static RecordOutcome written(
      IncomingUpsert r, StagingRowCommand c, String hash, String sysId) {
    return new RecordOutcome(r, c, AuditStage.WRITTEN, hash, sysId, null);
  }

  public static RecordOutcome skipped(
      IncomingUpsert r, StagingRowCommand c, String hash, String note) {
    return new RecordOutcome(r, c, AuditStage.SKIPPED_UNCHANGED, hash, null, note);
  }

  public static RecordOutcome parked(
      IncomingUpsert r, StagingRowCommand c, String hash, String reason) {
    return new RecordOutcome(r, c, AuditStage.PARKED, hash, null, reason);
  }

  public static RecordOutcome failed(
      IncomingUpsert r, StagingRowCommand c, String hash, String error) {
    return new RecordOutcome(r, c, AuditStage.FAILED, hash, null, error);
  }
}

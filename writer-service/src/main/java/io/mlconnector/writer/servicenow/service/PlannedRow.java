package io.mlconnector.writer.servicenow.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlconnector.common.event.PayloadHash;
import java.util.Map;

/** A record ready to be written: its command, the row as ServiceNow gets it, and its hash. */
public record PlannedRow(
    IncomingUpsert record,
    StagingRowCommand command,
    Map<String, String> row,
    String safeId,
    String contentHash) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public static PlannedRow of(IncomingUpsert record, StagingRowCommand command) {
    Map<String, String> row = command.rowForServiceNow();
    return new PlannedRow(
        record,
        command,
        row,
        row.get(command.externalIdField()),
        PayloadHash.of(JSON.valueToTree(row)));
  }

  public String externalId() {
    return command.externalId();
  }

  /** The QAD version this row was mapped from. */
  public String sourceVersion() {
    return record.event().sourceVersion();
  }

  public RecordOutcome written(String sysId) {
    return RecordOutcome.written(record, command, contentHash, sysId);
  }

  public RecordOutcome skipped(String note) {
    return RecordOutcome.skipped(record, command, contentHash, note);
  }

  public RecordOutcome parked(String reason) {
    return RecordOutcome.parked(record, command, contentHash, reason);
  }

  public RecordOutcome failed(String error) {
    return RecordOutcome.failed(record, command, contentHash, error);
  }
}

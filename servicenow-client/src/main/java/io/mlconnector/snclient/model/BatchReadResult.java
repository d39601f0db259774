package io.mlconnector.snclient.model;

import io.mlconnector.snclient.error.ServiceNowException;
import java.util.List;

/**
 * The outcome of one query sent inside a Batch API call: every matching record (all pages), or the
 * typed error of that query.
 */
public record BatchReadResult(List<ServiceNowRecord> records, ServiceNowException error) {
  public BatchReadResult {
    records = records == null ? List.of() : List.copyOf(records);
  }

  public boolean succeeded() {
    return error == null;
  }
}
